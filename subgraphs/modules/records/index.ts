import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { DataRecordKeyResolver, RecordFieldResolver, recordsFieldResolvers } from './graphql/records.resolver';
import { ASSISTANCE, assistancePersonResolver, LEGAL_PERSON, PERSON, typedRecords } from './graphql/typed-records';
import { verificationResolver } from './graphql/verification.resolver';
import { DEPARTURE_TRIGGERS, RecordDeparture } from './departure.entity';
import { RecordOriginRow } from './origin.entity';
import { RECORD_ENTITIES } from './record.entities';
import { seedDemoRecords } from './seed';

const built = new Map<Level, PlatformModule>();

/**
 * The data behind the catalog (issue 4): record tables of the basic databases, typed record types,
 * generic record access on every resource, and verification — every value through field-level
 * share enforcement and into the audit trail.
 */
export function recordsModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const typed = level === 'COUNTY' ? [typedRecords(level, ASSISTANCE)] : [typedRecords(level, PERSON), typedRecords(level, LEGAL_PERSON)];
  const module: PlatformModule = {
    name: 'records',
    entities: [...RECORD_ENTITIES, RecordOriginRow, RecordDeparture],
    resolvers: [
      RecordFieldResolver,
      DataRecordKeyResolver,
      ...recordsFieldResolvers(level),
      verificationResolver(level),
      ...typed.flatMap((t) => t.resolvers),
      ...(level === 'COUNTY' ? [assistancePersonResolver(typed[0].type)] : []),
    ],
    orphanedTypes: typed.flatMap((t) => t.types),
    referenceResolvers: Object.assign({}, ...typed.map((t) => t.references)),
    seed: seedDemoRecords,
    // Which items a received row's source delivered decides what a reader is told of its nulls.
    policyTables: ['record_origin'],
    // A row that moves to another division has left the scope of whoever received it for the old one.
    triggers: DEPARTURE_TRIGGERS,
  };
  built.set(level, module);
  return module;
}
