import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, Directive, MiddlewareFn, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { ReturnTypeFunc } from 'type-graphql/build/typings/decorators/types';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput, notFound } from '../../../kernel/errors';
import { entityRef } from '../../../kernel/graphql/entity-ref';
import { levelName } from '../../../kernel/graphql/level-names';
import { openCursor, PageInfo, sealCursor } from '../../../kernel/graphql/page-info';
import { checkCitizenId, checkUscc, CheckResult, subtreePrefix } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';
import { ReferenceResolvers } from '../../../kernel/schema';
import { onlyReadableOrigins } from '../origins';
import { recordOriginResolver } from './origin';
import { lookUpKeys, readyToRelease, releaseItem, releaseKey, requireKeysReleasable, withPurpose } from '../enforcement';
import { recordByKey } from '../loaders';
import { RecordSource, recordSource } from '../sources';
import { requireRecordPageSize } from './page-limit';
import { ListSize } from '../../../kernel/graphql/list-size';

type DataField = [field: string, item: string, type: ReturnTypeFunc];

/** A typed view of a record table: GraphQL field names, the catalog item each one carries, its type. */
export interface TypedRecordSpec {
  typeName: string;
  table: string;
  keyArg: string;
  checkKey: (key: string) => CheckResult;
  fields: DataField[];
  /** Root fields are named {level}{single} and {level}{plural}. */
  single: string;
  plural: string;
}

export const PERSON: TypedRecordSpec = {
  typeName: 'Person', table: 'person', keyArg: 'idNumber', checkKey: (k) => checkCitizenId(k), single: 'Person', plural: 'Persons',
  fields: [
    ['name', 'name', () => String], ['gender', 'gender', () => String], ['birthDate', 'birth_date', () => String],
    ['householdAddress', 'household_address', () => String], ['maritalStatus', 'marital_status', () => String],
    ['phone', 'phone', () => String], ['ethnicity', 'ethnicity', () => String], ['healthStatus', 'health_status', () => String],
  ],
};

export const LEGAL_PERSON: TypedRecordSpec = {
  typeName: 'LegalPerson', table: 'legal_person', keyArg: 'uscc', checkKey: checkUscc, single: 'LegalPerson', plural: 'LegalPersons',
  fields: [
    ['name', 'name', () => String], ['status', 'status', () => String], ['establishedOn', 'established_on', () => String],
    ['industry', 'industry', () => String], ['address', 'address', () => String], ['registeredCapital', 'registered_capital', () => Float],
    ['legalRepresentative', 'legal_representative', () => String], ['legalRepresentativeId', 'legal_representative_id', () => String],
  ],
};

export const ASSISTANCE: TypedRecordSpec = {
  typeName: 'AssistanceRecord', table: 'assistance', keyArg: 'idNumber', checkKey: (k) => checkCitizenId(k), single: 'AssistanceRecord', plural: 'AssistanceRecords',
  fields: [
    ['name', 'name', () => String], ['householdSize', 'household_size', () => Int],
    ['monthlyAllowance', 'monthly_allowance', () => Float], ['hardshipReason', 'hardship_reason', () => String],
  ],
};

/** Every data field of a typed record goes through the same enforcement as generic access. */
const enforce = (source: RecordSource, item: string): MiddlewareFn<RequestContext> => async ({ root, context, info }) =>
  releaseItem(context, info, source, root, item);

/** And so does its key: decided and recorded, or echoed when the caller looked the record up by it. */
const enforceKey = (source: RecordSource): MiddlewareFn<RequestContext> => async ({ root, context, info }) => releaseKey(context, info, source, root);

const WORD: Record<Level, string> = { REGION: 'Region', CITY: 'City', COUNTY: 'County' };

/** The typed record type, its connection, its root queries and its entity reference, for one level. */
export function typedRecords(level: Level, spec: TypedRecordSpec): { resolvers: Function[]; types: Function[]; references: ReferenceResolvers; type: Function } {
  const source = recordSource(spec.table);
  const typeName = `${WORD[level]}${spec.typeName}`;
  const Type = class {};
  Object.defineProperty(Type, 'name', { value: typeName });
  Reflect.defineMetadata('design:type', String, Type.prototype, spec.keyArg);
  Field(() => ID, { description: `Record key: catalog item ${source.keyItem}, released like every other item (lists of these records are served only when it is released in the clear)` })(Type.prototype, spec.keyArg);
  UseMiddleware(enforceKey(source))(Type.prototype, spec.keyArg);
  Reflect.defineMetadata('design:type', String, Type.prototype, 'divisionCode');
  Field({ description: 'Division the record belongs to' })(Type.prototype, 'divisionCode');
  for (const [field, item, type] of spec.fields) {
    Reflect.defineMetadata('design:type', Object, Type.prototype, field);
    Field(type, { nullable: true, description: `Item ${item}; null with SHARE_DENIED when not shared with the caller` })(Type.prototype, field);
    UseMiddleware(enforce(source, item))(Type.prototype, field);
  }
  Directive(`@key(fields: "${spec.keyArg}")`)(Type);
  ObjectType(typeName, { description: `${spec.typeName} records held by the ${level.toLowerCase()} platform` })(Type);

  @ObjectType(`${typeName}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => Type) node: object;
  }

  @ObjectType(`${typeName}Connection`)
  class Connection {
    @ListSize({ assumedSize: 1000 })
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }

  const requireKey = (key: string) => {
    const check = spec.checkKey(key);
    if (!check.valid) throw badInput(spec.keyArg, `'${key}' is not valid: ${check.reason}`);
  };

  @Resolver()
  class TypedRecordQueries {
    @Query(() => Type, { name: levelName(level, `{level}${spec.single}`), nullable: true })
    async one(@Arg(spec.keyArg, () => ID) key: string, @Ctx() ctx: RequestContext, @Arg('purpose', () => String, { nullable: true }) purpose?: string) {
      requireKey(key);
      const row = await recordByKey(ctx, source).load(key);
      await lookUpKeys(ctx, source, [key], row ? [row] : [], purpose ?? null, 'ROOT');
      if (!row) throw notFound(`${spec.keyArg}: no ${spec.typeName} record ${key} on the ${level.toLowerCase()} platform`, { field: spec.keyArg });
      return withPurpose([row], purpose)[0];
    }

    @Query(() => Connection, { name: levelName(level, `{level}${spec.plural}`), nullable: true })
    @ListSize({ slicingArguments: ['first'], sizedFields: ['edges'] })
    async many(
      @Ctx() ctx: RequestContext,
      @Arg('divisionCode', () => ID, { nullable: true, description: 'This division and every division below it' }) divisionCode?: string,
      @Arg('first', () => Int, { defaultValue: 20 }) first: number = 20,
      @Arg('after', () => String, { nullable: true }) after?: string,
      @Arg('purpose', () => String, { nullable: true }) purpose?: string,
    ) {
      requireRecordPageSize(first);
      const qb = onlyReadableOrigins(ctx, ctx.db.getRepository(source.entity).createQueryBuilder('r').where('r.deletedAt IS NULL'), 'r');
      if (divisionCode) qb.andWhere('r.divisionCode LIKE :prefix', { prefix: `${subtreePrefix(requireDivision(divisionCode, 'divisionCode').code)}%` });
      const totalCount = await qb.getCount();
      if (after) {
        const position = openCursor(ctx.config.gatewaySigningSecret, after, 1);
        if (!position) throw badInput('after', 'not a cursor returned by this query');
        qb.andWhere(`r.${source.key} > :after`, { after: position[0] });
      }
      const [rows] = await Promise.all([qb.orderBy(`r.${source.key}`, 'ASC').take(first + 1).getMany(), readyToRelease(ctx)]);
      await requireKeysReleasable(ctx, source, rows, purpose ?? null);
      const page = withPurpose(rows.slice(0, first) as any[], purpose);
      const edges = page.map((row) => ({ cursor: sealCursor(ctx.config.gatewaySigningSecret, [String(row[source.key])]), node: row }));
      return {
        edges,
        totalCount,
        pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      };
    }
  }

  return {
    type: Type,
    types: [Type],
    resolvers: [TypedRecordQueries, recordOriginResolver(Type)],
    references: {
      [typeName]: {
        // The key comes with the reference (another level released it, or the client wrote it): an echo, whose lookup is recorded.
        __resolveReference: async (ref: Record<string, string>, ctx: RequestContext) => {
          const row = await recordByKey(ctx, source).load(ref[spec.keyArg]);
          await lookUpKeys(ctx, source, [ref[spec.keyArg]], row ? [row] : [], null, 'ENTITIES');
          return row;
        },
      },
    },
  };
}

/** The county's assistance roll points at the region's population record of the same person. */
export function assistancePersonResolver(assistanceType: Function): Function {
  const RegionPersonRef = entityRef('RegionPerson', 'idNumber', 'COUNTY');

  @Resolver(() => assistanceType)
  class AssistancePerson {
    @FieldResolver(() => RegionPersonRef, { nullable: true, description: "The person's household registration at the region platform (its own share rules apply there; null while it does not answer)" })
    person(@Root() row: { idNumber: string }) {
      return { idNumber: row.idNumber };
    }
  }
  return AssistancePerson;
}

