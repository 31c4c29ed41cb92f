import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Directive } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ListSize } from '../../../kernel/graphql/list-size';
import type { Level } from '../../../kernel/levels';
import { Platform } from '../../platform/platform.type';
import { activeSuspensions, AuditDay, auditDays, catalogCounts, CatalogCount, grantCounts, GrantCounts, ReflowLag, reflowLags, ReflowRunDay, reflowRunDays } from '../figures';
import { countProcedure, ProcedureCount, ProcedureName } from '../procedures';
import { StatisticsScope } from '../scope';

@ObjectType('CatalogCount', { description: 'Published items of one source department with one share type and one open type, and the resources they belong to' })
@Directive('@shareable')
class CatalogCountType implements CatalogCount {
  @Field(() => ID) sourceDepartmentUscc: string;
  @Field() shareType: string;
  @Field() openType: string;
  @Field(() => Int) resources: number;
  @Field(() => Int) items: number;
}

@ObjectType('ProcedureCount', { description: 'Procedures in one state; of the waiting ones, how many are past their limit and how many fall due soon' })
@Directive('@shareable')
class ProcedureCountType implements ProcedureCount {
  @Field() state: string;
  @Field(() => Int) count: number;
  @Field(() => Int, { description: 'Waiting past the limit of their policy profile now' }) overdue: number;
  @Field(() => Int, { description: 'Not overdue, due within the working days asked' }) dueSoon: number;
}

@ObjectType('GrantCounts')
@Directive('@shareable')
class GrantCountsType implements GrantCounts {
  @Field(() => Int) active: number;
  @Field(() => Int, { description: 'Active and ending within 30 days' }) expiringSoon: number;
  @Field(() => Int) expired: number;
  @Field(() => Int) revoked: number;
}

@ObjectType('ReflowRunDay', { description: 'Reflow runs received for one subscription on one Beijing day' })
@Directive('@shareable')
class ReflowRunDayType implements ReflowRunDay {
  @Field() day: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID, { nullable: true }) subscriberJurisdiction: string | null;
  @Field(() => Int) runs: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) rowsWritten: number;
  @Field(() => Int) rowsDeleted: number;
}

@ObjectType('ReflowLag')
@Directive('@shareable')
class ReflowLagType implements ReflowLag {
  @Field(() => ID) subscriptionId: string;
  @Field(() => Date, { nullable: true }) lastSucceededAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since data last arrived' }) lagSeconds: number | null;
  @Field(() => Int) failedRuns: number;
}

@ObjectType('AuditDay', { description: 'Accesses recorded on one Beijing day with one action, effect and reason' })
@Directive('@shareable')
class AuditDayType implements AuditDay {
  @Field() day: string;
  @Field() action: string;
  @Field() effect: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Int) count: number;
}

/** A platform's statistics for one scope: each field is one aggregate statement at that platform. */
@ObjectType('PlatformStatistics', { description: "What a platform holds and does, counted where the data lives: one aggregate statement per figure (issue 16)" })
@Directive('@shareable')
class PlatformStatistics {
  @Field(() => PlatformLevel) level: Level;
  @Field(() => ID) jurisdictionCode: string;
  @Field(() => Date, { nullable: true }) from: Date | null;
  @Field(() => Date, { nullable: true }) to: Date | null;
  @Field(() => Int) dueWithinWorkingDays: number;
  @Field({ description: 'When the figures were counted' }) asOf: Date;
  scope: StatisticsScope;
}

const statistics = (level: Level, scope: StatisticsScope, asOf: Date): PlatformStatistics =>
  Object.assign(new PlatformStatistics(), { level, jurisdictionCode: scope.jurisdictionCode, from: scope.from, to: scope.to, dueWithinWorkingDays: scope.dueWithinWorkingDays, asOf, scope });

@Resolver(() => Platform)
export class PlatformStatisticsField {
  @FieldResolver(() => PlatformStatistics, { nullable: true, description: "This platform's statistics for a jurisdiction subtree and filing period (AUTHORITY_REVIEWER, over its own jurisdiction)" })
  statistics(
    @Ctx() ctx: RequestContext,
    @Arg('jurisdictionCode', () => ID, { nullable: true, description: "Default: the caller's jurisdiction" }) jurisdictionCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('dueWithinWorkingDays', () => Int, { defaultValue: 3 }) dueWithinWorkingDays = 3,
  ): PlatformStatistics {
    return statistics(ctx.level, StatisticsScope.of(ctx, { jurisdictionCode, from, to, dueWithinWorkingDays }), ctx.now);
  }
}

const procedure = (name: ProcedureName) => (root: PlatformStatistics, ctx: RequestContext) => countProcedure(ctx, name, root.scope);

@Resolver(() => PlatformStatistics)
export class PlatformStatisticsFields {
  @ListSize({ assumedSize: 100 }) @FieldResolver(() => [CatalogCountType]) catalog(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return catalogCounts(ctx, root.scope);
  }

  @ListSize({ assumedSize: 5 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 23' }) shareApplications(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('shareApplications')(root, ctx);
  }

  @ListSize({ assumedSize: 6 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 25' }) upwardApplications(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('upwardApplications')(root, ctx);
  }

  @ListSize({ assumedSize: 5 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 24' }) demands(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('demands')(root, ctx);
  }

  @ListSize({ assumedSize: 3 }) @FieldResolver(() => [ProcedureCountType], { description: '000 art. 16; 004 art. 19' }) reflowApplications(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('reflowApplications')(root, ctx);
  }

  @ListSize({ assumedSize: 4 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 28 ¶2' }) openDataApplications(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('openDataApplications')(root, ctx);
  }

  @ListSize({ assumedSize: 3 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 45' }) qualityReports(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('qualityReports')(root, ctx);
  }

  @ListSize({ assumedSize: 4 }) @FieldResolver(() => [ProcedureCountType], { description: '004 art. 28 ¶3' }) objections(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return procedure('objections')(root, ctx);
  }

  @FieldResolver(() => GrantCountsType) grants(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return grantCounts(ctx, root.scope);
  }

  @FieldResolver(() => Int, { description: 'Agencies suspended now (004 art. 50)' }) activeSuspensions(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return activeSuspensions(ctx, root.scope);
  }

  @ListSize({ assumedSize: 200 }) @FieldResolver(() => [ReflowRunDayType]) reflowRuns(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return reflowRunDays(ctx, root.scope);
  }

  @ListSize({ assumedSize: 50 }) @FieldResolver(() => [ReflowLagType]) reflowLag(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return reflowLags(ctx, root.scope);
  }

  @ListSize({ assumedSize: 200 }) @FieldResolver(() => [AuditDayType]) auditAccesses(@Root() root: PlatformStatistics, @Ctx() ctx: RequestContext) {
    return auditDays(ctx, root.scope);
  }
}
