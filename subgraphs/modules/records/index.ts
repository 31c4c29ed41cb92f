import { PlatformModule } from '../../kernel/module';
import { DEPARTURE_TRIGGERS, RecordDeparture } from './departure.entity';
import { HeldRecordOrigin } from './graphql/origin';
import { CatalogResourceRecords, DataRecordKeyResolver, RecordFieldResolver } from './graphql/records.resolver';
import { AssistancePerson, AssistanceRollFields, LegalPersonRegisterFields, PersonRegisterFields, typedRecordReferences } from './graphql/registers.resolver';
import { CityLegalPerson, CityPerson, CountyAssistanceRecord, RegionLegalPerson, RegionPerson } from './graphql/typed-records.types';
import { PlatformVerification } from './graphql/verification.resolver';
import { OpenObjection } from './objection.entity';
import { RecordOriginRow } from './origin.entity';
import { RECORD_ENTITIES } from './record.entities';
import { seedDemoRecords } from './seed';
import { OpenApplication } from './open-application.entity';

/**
 * The data behind the catalog (issue 4), mounted by every level: record tables of the basic
 * databases, `records` on every catalog resource, the typed registers of each level (persons and
 * legal persons at the region and the cities, the assistance roll at the counties) and verification —
 * every value through field-level share enforcement and into the audit trail.
 */
export const recordsModule: PlatformModule = {
  name: 'records',
  entities: [...RECORD_ENTITIES, RecordOriginRow, RecordDeparture, OpenObjection, OpenApplication],
  resolvers: [
    RecordFieldResolver,
    DataRecordKeyResolver,
    CatalogResourceRecords,
    HeldRecordOrigin,
    PersonRegisterFields,
    LegalPersonRegisterFields,
    AssistanceRollFields,
    AssistancePerson,
    PlatformVerification,
  ],
  // The typed records of every level: each level's subgraph declares them, answering its own.
  orphanedTypes: [RegionPerson, CityPerson, RegionLegalPerson, CityLegalPerson, CountyAssistanceRecord],
  referenceResolvers: typedRecordReferences,
  seedDemo: seedDemoRecords,
  // Records of the open catalog's resources: every value still decided by its item's open type.
  openToPublic: ['CatalogResource.records', 'DataRecordConnection.*', 'DataRecordEdge.*', 'DataRecord.*', 'RecordField.*'],
  // Which items a received row's source delivered decides what a reader is told of its nulls.
  policyTables: ['record_origin', 'open_objection', 'open_application'],
  // A row that moves to another division has left the scope of whoever received it for the old one.
  triggers: DEPARTURE_TRIGGERS,
};
