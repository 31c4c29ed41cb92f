import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput, notFound } from '../../../kernel/errors';
import { Connection, ConnectionArgs, sqlPage } from '../../../kernel/graphql/connection';
import { ConnectionSize } from '../../../kernel/graphql/list-size';
import { checkCitizenId, CheckResult, checkUscc, subtreePrefix } from '../../../kernel/identifiers';
import { Level, LEVEL_FACTS } from '../../../kernel/levels';
import { ReferenceResolvers } from '../../../kernel/schema';
import { AssistanceRoll, LegalPersonRegister, PersonRegister } from '../../platform/platform.type';
import { lookUpKeys, readyToRelease, requireKeysReleasable, withPurpose } from '../enforcement';
import { recordByKey } from '../loaders';
import { onlyReadableOrigins } from '../origins';
import { recordSource, RecordSource } from '../sources';
import { DEFAULT_RECORD_PAGE, recordPageLimits } from './record-cursors';
import { AssistanceRecordConnection, CountyAssistanceRecord, LegalPerson, LegalPersonConnection, Person, PersonConnection, RegionPerson } from './typed-records.types';

@ArgsType()
class TypedRecordsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'This division and every division below it' }) divisionCode?: string;
  @Field(() => String, { nullable: true, description: 'What the data is for: the scenario a grant approved (004 art. 20, 23)' }) purpose?: string;
}

const requireKey = (field: string, key: string, check: (key: string) => CheckResult) => {
  const result = check(key);
  if (!result.valid) throw badInput(field, `'${key}' is not valid: ${result.reason}`);
};

/** One record by its key: the lookup is recorded whether or not the record exists (the key is the caller's). */
async function oneRecord(ctx: RequestContext, source: RecordSource, field: string, key: string, check: (key: string) => CheckResult, purpose: string | undefined) {
  requireKey(field, key, check);
  const row = await recordByKey(ctx, source).load(key);
  await lookUpKeys(ctx, source, [key], row ? [row] : [], purpose ?? null, 'ROOT');
  if (!row) throw notFound(`${field}: no ${source.table} record ${key} on the ${LEVEL_FACTS[ctx.level].platformName}`, { field });
  return withPurpose([row], purpose)[0];
}

/**
 * A page of a typed register: served only when the key item is released in the clear for every row
 * (a typed record is identified by its key), nothing at all for a suspended agency.
 */
async function recordsPage(ctx: RequestContext, source: RecordSource, args: TypedRecordsArgs): Promise<Connection<object>> {
  const query = onlyReadableOrigins(ctx, ctx.db.getRepository(source.entity).createQueryBuilder('r').where('r.deletedAt IS NULL'), 'r');
  if (args.divisionCode) query.andWhere('r.divisionCode LIKE :prefix', { prefix: `${subtreePrefix(requireDivision(args.divisionCode, 'divisionCode').code)}%` });
  const [page] = await Promise.all([sqlPage(query, [{ expression: `r.${source.key}`, direction: 'ASC', value: (row: any) => String(row[source.key]) }], args, recordPageLimits(ctx)), readyToRelease(ctx)]);
  await requireKeysReleasable(ctx, source, page.nodes, args.purpose ?? null);
  withPurpose(page.nodes, args.purpose);
  return page;
}

const PERSONS = recordSource('person');
const LEGAL_PERSONS = recordSource('legal_person');
const ASSISTANCE = recordSource('assistance');
const citizenId = (key: string) => checkCitizenId(key);

/** The population register of the region's and the cities' platforms (004 art. 18). */
@Resolver(() => PersonRegister)
export class PersonRegisterFields {
  @FieldResolver(() => Person, { nullable: true, description: 'One person by citizen ID number; the lookup is recorded' })
  person(@Arg('idNumber', () => ID) idNumber: string, @Ctx() ctx: RequestContext, @Arg('purpose', () => String, { nullable: true }) purpose?: string) {
    return oneRecord(ctx, PERSONS, 'idNumber', idNumber, citizenId, purpose);
  }

  @ConnectionSize(DEFAULT_RECORD_PAGE)
  @FieldResolver(() => PersonConnection, { nullable: true, description: 'Persons in key order' })
  persons(@Args() args: TypedRecordsArgs, @Ctx() ctx: RequestContext) {
    return recordsPage(ctx, PERSONS, args);
  }
}

/** The legal-person register of the region's and the cities' platforms (004 art. 18). */
@Resolver(() => LegalPersonRegister)
export class LegalPersonRegisterFields {
  @FieldResolver(() => LegalPerson, { nullable: true, description: 'One legal person by USCC; the lookup is recorded' })
  legalPerson(@Arg('uscc', () => ID) uscc: string, @Ctx() ctx: RequestContext, @Arg('purpose', () => String, { nullable: true }) purpose?: string) {
    return oneRecord(ctx, LEGAL_PERSONS, 'uscc', uscc, checkUscc, purpose);
  }

  @ConnectionSize(DEFAULT_RECORD_PAGE)
  @FieldResolver(() => LegalPersonConnection, { nullable: true, description: 'Legal persons in key order' })
  legalPersons(@Args() args: TypedRecordsArgs, @Ctx() ctx: RequestContext) {
    return recordsPage(ctx, LEGAL_PERSONS, args);
  }
}

/** The counties' social assistance roll. */
@Resolver(() => AssistanceRoll)
export class AssistanceRollFields {
  @FieldResolver(() => CountyAssistanceRecord, { nullable: true, description: 'One household by the applicant\'s citizen ID number; the lookup is recorded' })
  assistanceRecord(@Arg('idNumber', () => ID) idNumber: string, @Ctx() ctx: RequestContext, @Arg('purpose', () => String, { nullable: true }) purpose?: string) {
    return oneRecord(ctx, ASSISTANCE, 'idNumber', idNumber, citizenId, purpose);
  }

  @ConnectionSize(DEFAULT_RECORD_PAGE)
  @FieldResolver(() => AssistanceRecordConnection, { nullable: true, description: 'Households in key order' })
  assistanceRecords(@Args() args: TypedRecordsArgs, @Ctx() ctx: RequestContext) {
    return recordsPage(ctx, ASSISTANCE, args);
  }
}

/** The county's roll points at the region's population record of the same person. */
@Resolver(() => CountyAssistanceRecord)
export class AssistancePerson {
  @FieldResolver(() => RegionPerson, { nullable: true, description: "The person's household registration at the region platform (its own share rules apply there; null while it does not answer)" })
  person(@Root() row: { idNumber: string }) {
    return { idNumber: row.idNumber };
  }
}

/**
 * A record asked for by key from another level (the key came with the reference): an echo, whose
 * lookup is recorded — by the level that holds it; elsewhere the type is a stub and the reference is all.
 */
function byKeyReference(owner: Level, source: RecordSource, keyField: string) {
  return {
    __resolveReference: async (reference: Record<string, string>, ctx: RequestContext) => {
      if (ctx.level !== owner) return reference;
      const row = await recordByKey(ctx, source).load(reference[keyField]);
      await lookUpKeys(ctx, source, [reference[keyField]], row ? [row] : [], null, 'ENTITIES');
      return row;
    },
  };
}

export const typedRecordReferences: ReferenceResolvers = {
  RegionPerson: byKeyReference('REGION', PERSONS, 'idNumber'),
  CityPerson: byKeyReference('CITY', PERSONS, 'idNumber'),
  RegionLegalPerson: byKeyReference('REGION', LEGAL_PERSONS, 'uscc'),
  CityLegalPerson: byKeyReference('CITY', LEGAL_PERSONS, 'uscc'),
  CountyAssistanceRecord: byKeyReference('COUNTY', ASSISTANCE, 'idNumber'),
};
