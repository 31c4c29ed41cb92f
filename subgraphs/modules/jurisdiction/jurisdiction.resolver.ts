import { FindOptionsWhere } from 'typeorm';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput } from '../../kernel/errors';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { Jurisdiction } from './jurisdiction.entity';
import { jurisdictionByCode, jurisdictionChildren } from './jurisdiction.loaders';
import { ListSize } from '../../kernel/graphql/list-size';

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { description: 'A division by code; malformed codes are BAD_USER_INPUT, unknown ones NOT_FOUND' })
  async jurisdiction(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<Jurisdiction> {
    requireDivision(code);
    return (await jurisdictionByCode(ctx).load(code))!;
  }

  @ListSize({ assumedSize: 120 })
  @Query(() => [Jurisdiction], { description: 'Divisions by level and/or parent, in code order' })
  async jurisdictions(
    @Ctx() ctx: RequestContext,
    @Arg('level', () => PlatformLevel, { nullable: true }) level?: PlatformLevel,
    @Arg('parentCode', () => ID, { nullable: true }) parentCode?: string,
    @Arg('includeStatisticalOnly', { defaultValue: true }) includeStatisticalOnly: boolean = true,
  ): Promise<Jurisdiction[]> {
    if (level === undefined && parentCode === undefined) throw badInput('level', 'give a level, a parentCode, or both');
    if (parentCode !== undefined) requireDivision(parentCode, 'parentCode');
    const where: FindOptionsWhere<Jurisdiction> = {};
    if (level) where.level = level;
    if (parentCode) where.parentCode = parentCode;
    if (!includeStatisticalOnly) where.statisticalOnly = false;
    return ctx.db.getRepository(Jurisdiction).find({ where, order: { code: 'ASC' } });
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  parent(@Root() j: Jurisdiction, @Ctx() ctx: RequestContext) {
    return j.parentCode ? jurisdictionByCode(ctx).load(j.parentCode) : null;
  }

  @ListSize({ assumedSize: 20 })
  @FieldResolver(() => [Jurisdiction])
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
