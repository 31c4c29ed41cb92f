import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { partyOf } from '../../../kernel/auth/caller';
import { RequestContext } from '../../../kernel/context';
import { asDate, Connection, ConnectionArgs, isoOf, listPage, sqlPage } from '../../../kernel/graphql/connection';
import { DeadlineView, deadlineView } from '../../../kernel/graphql/deadline.type';
import { levelId } from '../../../kernel/graphql/global-id';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { authoritySubtreePattern } from '../../../kernel/graphql/guards';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { Platform } from '../../platform/platform.type';
import { RecordField } from '../../records/graphql/record-page.types';
import { QualityIssue, QualityReport, QualityReportState } from '../report.entity';
import { answerQualityReport, extendQualityReport, fileQualityReport, QualityOutcome, qualityReportById, QualityReportDraft } from '../report.service';

registerEnumType(QualityOutcome, { name: 'QualityOutcome', description: 'What the providing agency does after verifying: CORRECT the value, or REJECT the report (004 art. 45)' });

@InputType({ description: 'A report that an item of a record is wrong or missing (004 art. 45)' })
class DataQualityReportInput implements QualityReportDraft {
  @Field(() => ID, { description: "The resource's global id" }) resourceId: string;
  @Field(() => ID, { description: "The record's key" }) recordKey: string;
  @Field() item: string;
  @Field(() => QualityIssue) issue: QualityIssue;
  @Field() statement: string;
  @Field(() => String, { nullable: true }) suggestedValue?: string | null;
  @Field(() => String, { nullable: true, description: 'Required without a token: how the providing agency answers; seen only by it' }) contact?: string | null;
}

@ObjectType('DataQualityReportEdge')
@Directive('@shareable')
class QualityReportEdge {
  @Field() cursor: string;
  @Field(() => QualityReport) node: QualityReport;
}

@ObjectType('DataQualityReportConnection')
@Directive('@shareable')
class QualityReportConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [QualityReportEdge]) edges: unknown[];
  @ListSize({ assumedSize: 200 }) @Field(() => [QualityReport]) nodes: QualityReport[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class QualityReportsArgs extends ConnectionArgs {
  @Field(() => QualityReportState, { nullable: true }) state?: QualityReportState;
  @Field({ defaultValue: false, description: "Only reports past the providing agency's limit: the authority's supervision list (004 art. 45, 49)" }) overdue: boolean;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

/** The limit of a report still under verification: 7 working days, or 7 + 7 once extended (002 art. 26). */
export const verificationOf = (ctx: RequestContext, report: QualityReport): DeadlineView | null =>
  report.state === QualityReportState.UNDER_VERIFICATION
    ? deadlineView(ctx, report.extendedAt ? 'QUALITY_VERIFICATION_EXTENDED' : 'QUALITY_VERIFICATION', report.jurisdictionCode, report.filedAt)
    : null;

@Resolver(() => QualityReport)
export class QualityReportFields {
  @FieldResolver(() => ID, { description: 'Global id: how the reporter follows the report' })
  id(@Root() report: QualityReport, @Ctx() ctx: RequestContext) {
    return levelId(ctx.level, 'DataQualityReport', report.id);
  }

  @FieldResolver(() => CatalogResource)
  resource(@Root() report: QualityReport, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(report.resourceId);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While UNDER_VERIFICATION: when the providing agency must answer' })
  verification(@Root() report: QualityReport, @Ctx() ctx: RequestContext) {
    return verificationOf(ctx, report);
  }

  @FieldResolver(() => String, { nullable: true, description: 'How the providing agency reaches a reporter without a token; for the providing agency only' })
  contact(@Root() report: QualityReport, @Ctx() ctx: RequestContext) {
    return ctx.caller.kind === 'AGENCY' && ctx.identity.agency === report.providerUscc ? report.contact : null;
  }
}

/** The "under verification" mark every reader sees on a reported value (004 art. 45: 标注). */
@Resolver(() => RecordField)
export class QualityMarks {
  @FieldResolver(() => Boolean, { description: 'A quality report on this value awaits its providing agency (004 art. 45)' })
  async underVerification(@Root() field: RecordField, @Ctx() ctx: RequestContext): Promise<boolean> {
    const marked = await ctx.loaders.once('quality.marks', async () => {
      const open = await ctx.db.getRepository(QualityReport).find({ where: { state: QualityReportState.UNDER_VERIFICATION }, select: ['resourceId', 'recordKey', 'item'] });
      return new Set(open.map((r) => `${r.resourceId}\u0000${r.recordKey}\u0000${r.item}`));
    });
    return marked.size > 0 && marked.has(`${field.resourceId}\u0000${String((field.row as any)[field.source.key])}\u0000${field.item}`);
  }
}

@Resolver(() => Platform)
export class PlatformQualityReports {
  @FieldResolver(() => QualityReport, { nullable: true, description: 'A quality report by its id: for its reporter, the providing agency and the authority' })
  qualityReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return qualityReportById(ctx, id);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => QualityReportConnection, {
    nullable: true,
    description: "Quality reports the caller may see — its own, those it must answer as providing agency, those of its authority's jurisdiction — oldest first; `overdue` gives the supervision list",
  })
  async qualityReports(@Args() args: QualityReportsArgs, @Ctx() ctx: RequestContext): Promise<Connection<QualityReport>> {
    const qb = ctx.db.getRepository(QualityReport).createQueryBuilder('q');
    const party = partyOf(ctx);
    if (party) qb.where('q.reporterParty = :party', { party: party.id });
    else {
      const me = ctx.identity;
      qb.where('(q.reporter = :me OR q.providerUscc = :me OR q.jurisdictionCode LIKE :authorityPrefix)', { me: me.agency, authorityPrefix: authoritySubtreePattern(me) });
    }
    const order = [
      { expression: 'q.filedAt', direction: 'ASC' as const, value: (r: QualityReport) => isoOf(r.filedAt), parse: asDate },
      { expression: 'q.id', direction: 'ASC' as const, value: (r: QualityReport) => r.id },
    ];
    if (!args.overdue) {
      if (args.state) qb.andWhere('q.state = :state', { state: args.state });
      return sqlPage(qb, order, args, PAGE);
    }
    // Overdue depends on the working-day calendar, not on a column: decided here, over the open reports only.
    const open = await qb.andWhere('q.state = :open', { open: QualityReportState.UNDER_VERIFICATION }).orderBy('q.filedAt', 'ASC').addOrderBy('q.id', 'ASC').getMany();
    return listPage(open.filter((report) => verificationOf(ctx, report)?.overdue), order, args, PAGE);
  }
}

@Resolver()
export class QualityReportMutations {
  @LevelMutation(() => QualityReport, { pattern: 'report{Level}DataQuality', description: 'Reports that an item of a record of this platform is wrong or missing; the value is marked under verification at once (004 art. 45)' })
  report(@Arg('input') input: DataQualityReportInput, @Ctx() ctx: RequestContext) {
    return fileQualityReport(ctx, input);
  }

  @LevelMutation(() => QualityReport, { pattern: 'answer{Level}QualityReport', description: 'The providing agency corrects the value (the correction flows to reflowed copies at their next run) or rejects the report, with its reasons (004 art. 45)' })
  answer(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => QualityOutcome) outcome: QualityOutcome,
    @Arg('reason') reason: string,
    @Arg('correctedValue', () => String, { nullable: true }) correctedValue: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return answerQualityReport(ctx, id, outcome, correctedValue ?? null, reason);
  }

  @LevelMutation(() => QualityReport, { pattern: 'extend{Level}QualityReport', description: "The providing department extends its limit once, with its reason (002 art. 26: by up to 7 working days)" })
  extend(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return extendQualityReport(ctx, id, reason);
  }
}
