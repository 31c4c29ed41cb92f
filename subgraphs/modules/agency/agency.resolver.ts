import { FindOptionsWhere, MoreThan } from 'typeorm';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput, conflict, notFound } from '../../kernel/errors';
import { requireAuthorityOver } from '../../kernel/graphql/guards';
import { ListSize } from '../../kernel/graphql/list-size';
import { checkUscc } from '../../kernel/identifiers';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity';
import { jurisdictionByCode } from '../jurisdiction/jurisdiction.loaders';
import { Agency } from './agency.entity';
import { agenciesOfJurisdiction, agencyByUscc } from './agency.loaders';
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

/** Agencies listed at most per page: the registry of a region holds thousands. */
const MAX_AGENCY_PAGE = 500;

function requireValidUscc(value: string, field: string) {
  const check = checkUscc(value);
  if (!check.valid) throw badInput(field, `'${value}' is not a valid USCC: ${check.reason}`);
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

  @Query(() => [Agency], { description: `Agencies in USCC order, at most ${MAX_AGENCY_PAGE}; page with afterUscc` })
  @ListSize({ slicingArguments: ['first'] })
  async agencies(
    @Ctx() ctx: RequestContext,
    @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string,
    @Arg('sector', () => Sector, { nullable: true }) sector?: Sector,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number = 100,
    @Arg('afterUscc', () => ID, { nullable: true }) afterUscc?: string,
  ): Promise<Agency[]> {
    if (first < 1 || first > MAX_AGENCY_PAGE) throw badInput('first', `must be between 1 and ${MAX_AGENCY_PAGE}`);
    if (jurisdictionCode) requireDivision(jurisdictionCode, 'jurisdictionCode');
    const where: FindOptionsWhere<Agency> = {};
    if (jurisdictionCode) where.jurisdictionCode = jurisdictionCode;
    if (sector) where.sector = sector;
    if (afterUscc) where.uscc = MoreThan(afterUscc);
    return ctx.db.getRepository(Agency).find({ where, order: { uscc: 'ASC' }, take: first });
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
  @FieldResolver(() => [Agency], { description: 'Agencies registered in this division' })
  @ListSize({ assumedSize: 50 })
  agencies(@Root() j: Jurisdiction, @Ctx() ctx: RequestContext) {
    return agenciesOfJurisdiction(ctx).load(j.code);
  }
}

export const agencyReference = {
  Agency: { __resolveReference: (ref: { uscc: string }, ctx: RequestContext) => agencyByUscc(ctx).load(ref.uscc) },
};
