import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput } from '../../kernel/errors';
import { Connection, ConnectionArgs, sqlPage } from '../../kernel/graphql/connection';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { ConnectionSize, ListSize } from '../../kernel/graphql/list-size';
import { PageInfo } from '../../kernel/graphql/page-info';
import { Jurisdiction } from './jurisdiction.entity';
import { jurisdictionByCode, jurisdictionChildren } from './jurisdiction.loaders';

@ObjectType()
class JurisdictionEdge {
  @Field() cursor: string;
  @Field(() => Jurisdiction) node: Jurisdiction;
}

@ObjectType({ description: 'Divisions in code order (Relay cursor connection)' })
class JurisdictionConnection {
  @ListSize({ assumedSize: 120 })
  @Field(() => [JurisdictionEdge]) edges: JurisdictionEdge[];
  @ListSize({ assumedSize: 120 })
  @Field(() => [Jurisdiction]) nodes: Jurisdiction[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class JurisdictionsArgs extends ConnectionArgs {
  @Field(() => PlatformLevel, { nullable: true }) level?: PlatformLevel;
  @Field(() => ID, { nullable: true, description: 'Divisions directly below this one' }) parentCode?: string;
  @Field({ defaultValue: true, description: 'Include development zones listed for statistics only' }) includeStatisticalOnly: boolean;
}

/** Divisions are listed a level at a time: a league has at most a few dozen banners and counties. */
const PAGE = { defaultSize: 200, maxSize: 500 };

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { description: 'A division by code; malformed codes are BAD_USER_INPUT, unknown ones NOT_FOUND' })
  async jurisdiction(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<Jurisdiction> {
    requireDivision(code);
    return (await jurisdictionByCode(ctx).load(code))!;
  }

  @ConnectionSize(PAGE.defaultSize)
  @Query(() => JurisdictionConnection, { description: 'Divisions by level and/or parent, in code order' })
  jurisdictions(@Args() args: JurisdictionsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Jurisdiction>> {
    if (args.level == null && args.parentCode == null) throw badInput('level', 'give a level, a parentCode, or both');
    const query = ctx.db.getRepository(Jurisdiction).createQueryBuilder('j');
    if (args.level) query.andWhere('j.level = :level', { level: args.level });
    if (args.parentCode != null) query.andWhere('j.parentCode = :parent', { parent: requireDivision(args.parentCode, 'parentCode').code });
    if (!args.includeStatisticalOnly) query.andWhere('j.statisticalOnly = :no', { no: false });
    return sqlPage(query, [{ expression: 'j.code', direction: 'ASC', value: (j) => j.code }], args, PAGE);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  parent(@Root() j: Jurisdiction, @Ctx() ctx: RequestContext) {
    return j.parentCode ? jurisdictionByCode(ctx).load(j.parentCode) : null;
  }

  @ListSize({ assumedSize: 20 })
  @FieldResolver(() => [Jurisdiction], { description: 'The divisions directly below, in code order' })
  async children(
    @Root() j: Jurisdiction,
    @Ctx() ctx: RequestContext,
    @Arg('includeStatisticalOnly', { defaultValue: true }) includeStatisticalOnly: boolean = true,
  ) {
    const children = await jurisdictionChildren(ctx).load(j.code);
    return includeStatisticalOnly ? children : children.filter((c) => !c.statisticalOnly);
  }

  @ListSize({ assumedSize: 2 })
  @FieldResolver(() => [Jurisdiction], { description: 'From the region down to the parent of this division' })
  async ancestors(@Root() j: Jurisdiction, @Ctx() ctx: RequestContext) {
    const chain: Jurisdiction[] = [];
    let code = j.parentCode;
    while (code) {
      const parent = await jurisdictionByCode(ctx).load(code);
      if (!parent) break;
      chain.unshift(parent);
      code = parent.parentCode;
    }
    return chain;
  }
}

export const jurisdictionReference = {
  Jurisdiction: {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => jurisdictionByCode(ctx).load(ref.code),
  },
};
