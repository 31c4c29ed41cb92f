import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput, conflict, notFound } from '../../kernel/errors';
import { Connection, ConnectionArgs, sqlPage } from '../../kernel/graphql/connection';
import { requireAuthorityOver } from '../../kernel/graphql/guards';
import { ConnectionSize, ListSize } from '../../kernel/graphql/list-size';
import { PageInfo } from '../../kernel/graphql/page-info';
import { checkUscc } from '../../kernel/identifiers';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity';
import { jurisdictionByCode } from '../jurisdiction/jurisdiction.loaders';
import { Agency } from './agency.entity';
import { agencyByUscc } from './agency.loaders';
import { passAgencyDown } from './replication';
import { Sector } from './sectors';

@InputType()
class RegisterAgencyInput {
  @Field(() => ID) uscc: string;
  @Field() name: string;
  @Field(() => Sector) sector: Sector;
  @Field(() => ID) jurisdictionCode: string;
  @Field({ defaultValue: true, description: 'It legally collects data (数源部门): its SOURCE_REVIEWERs may decide on applications for that data' })
  isSourceDepartment: boolean;
}

/** The registry of a region holds thousands of agencies. */
const PAGE = { defaultSize: 100, maxSize: 500 };

@ObjectType()
class AgencyEdge {
  @Field() cursor: string;
  @Field(() => Agency) node: Agency;
}

@ObjectType({ description: 'Agencies in USCC order (Relay cursor connection)' })
class AgencyConnection {
  @ListSize({ assumedSize: PAGE.maxSize })
  @Field(() => [AgencyEdge]) edges: AgencyEdge[];
  @ListSize({ assumedSize: PAGE.maxSize })
  @Field(() => [Agency]) nodes: Agency[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class AgenciesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Agencies registered in this division (not below it)' }) jurisdictionCode?: string;
  @Field(() => Sector, { nullable: true }) sector?: Sector;
}


function requireValidUscc(value: string, field: string) {
  const check = checkUscc(value);
  if (!check.valid) throw badInput(field, `'${value}' is not a valid USCC: ${check.reason}`);
}

function agencyPage(ctx: RequestContext, args: AgenciesArgs): Promise<Connection<Agency>> {
  const query = ctx.db.getRepository(Agency).createQueryBuilder('a');
  if (args.jurisdictionCode) query.andWhere('a.jurisdictionCode = :code', { code: requireDivision(args.jurisdictionCode, 'jurisdictionCode').code });
  if (args.sector) query.andWhere('a.sector = :sector', { sector: args.sector });
  return sqlPage(query, [{ expression: 'a.uscc', direction: 'ASC', value: (a) => a.uscc }], args, PAGE);
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { description: 'An agency by USCC; an invalid USCC is BAD_USER_INPUT saying what is wrong' })
  async agency(@Arg('uscc', () => ID) uscc: string, @Ctx() ctx: RequestContext): Promise<Agency> {
    requireValidUscc(uscc, 'uscc');
    const agency = await agencyByUscc(ctx).load(uscc);
    if (!agency) throw notFound(`uscc: no agency ${uscc} is registered`, { field: 'uscc' });
    return agency;
  }

  @ConnectionSize(PAGE.defaultSize)
  @Query(() => AgencyConnection, { description: 'Registered agencies in USCC order' })
  agencies(@Args() args: AgenciesArgs, @Ctx() ctx: RequestContext): Promise<Connection<Agency>> {
    return agencyPage(ctx, args);
  }

  @Mutation(() => Agency, { description: 'An authority registers an agency of its own jurisdiction or one below it' })
  async registerAgency(@Arg('input') input: RegisterAgencyInput, @Ctx() ctx: RequestContext): Promise<Agency> {
    requireValidUscc(input.uscc, 'input.uscc');
    const division = requireDivision(input.jurisdictionCode, 'input.jurisdictionCode');
    if (division.statisticalOnly) throw badInput('input.jurisdictionCode', `${division.code} is a statistical-only zone, not an administrative division`);
    const name = input.name.trim();
    if (name.length < 2 || name.length > 128) throw badInput('input.name', 'must be 2 to 128 characters');
    requireAuthorityOver(ctx, 'registerAgency', division.code);
    const repo = ctx.db.getRepository(Agency);
    if (await repo.existsBy({ uscc: input.uscc })) throw conflict(`input.uscc: agency ${input.uscc} is already registered`, { field: 'input.uscc' });
    const agency = repo.create({ uscc: input.uscc, name, sector: input.sector, jurisdictionCode: division.code, level: division.level, isSourceDepartment: input.isSourceDepartment });
    // Every level resolves identities from its own copy: the others hold it before the region does.
    await passAgencyDown(ctx, agency);
    await repo.insert(agency);
    return agency;
  }

  @FieldResolver(() => Jurisdiction)
  jurisdiction(@Root() agency: Agency, @Ctx() ctx: RequestContext) {
    return jurisdictionByCode(ctx).load(agency.jurisdictionCode);
  }
}

@Resolver(() => Jurisdiction)
export class JurisdictionAgenciesResolver {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => AgencyConnection, { description: 'Agencies registered in this division' })
  agencies(@Root() j: Jurisdiction, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    return agencyPage(ctx, Object.assign(new AgenciesArgs(), args, { jurisdictionCode: j.code }));
  }
}

export const agencyReference = {
  Agency: { __resolveReference: (ref: { uscc: string }, ctx: RequestContext) => agencyByUscc(ctx).load(ref.uscc) },
};
