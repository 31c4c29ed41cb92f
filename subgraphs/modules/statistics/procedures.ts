import { EntityTarget, ObjectLiteral } from 'typeorm';
import { DeadlineKind, DeadlineThreshold, deadlineThresholds } from '../../kernel/calendar';
import { RequestContext } from '../../kernel/context';
import { DemandApplication } from '../demand/demand.entity';
import { DemandState } from '../demand/enums';
import { OpenApplication, OpenApplicationState } from '../records/open-application.entity';
import { ObjectionState, OpenObjection } from '../records/objection.entity';
import { QualityReport, QualityReportState } from '../quality/report.entity';
import { ReflowApplication } from '../reflow/application.entity';
import { ReflowApplicationState } from '../reflow/enums';
import { ApplicationState, ShareApplication } from '../sharing/application.entity';
import { UpwardApplicationRow } from '../upward/application.entity';
import { UpwardStepState } from '../upward/enums';
import { StatisticsScope } from './scope';

/** A step of a procedure that waits on someone, and the limit it waits under. */
interface OpenStep {
  /** SQL condition (on alias `p`) that a row is at this step. */
  when: string;
  /** The column its limit counts from. */
  start: string;
  kind: DeadlineKind;
}

/** How one kind of procedure is counted: its table, state column, open steps, scope and period columns. */
export interface Procedure {
  entity: EntityTarget<ObjectLiteral>;
  state: string;
  /** The jurisdiction whose policy profile sets the limits. */
  profileJurisdiction: string;
  /** A row is in the caller's scope when any of these jurisdictions is in the subtree asked for. */
  scopeJurisdictions: string[];
  /** The column the period filters on. */
  filedAt: string;
  open: OpenStep[];
}

const q = (value: string) => `'${value}'`;

export const PROCEDURES = {
  shareApplications: {
    entity: ShareApplication,
    state: 'p.state',
    profileJurisdiction: 'p.resourceJurisdiction',
    scopeJurisdictions: ['p.resourceJurisdiction', 'p.applicantJurisdiction'],
    filedAt: 'p.submittedAt',
    open: [
      { when: `p.state = ${q(ApplicationState.PENDING)}`, start: 'p.submittedAt', kind: 'SHARE_REPLY' },
      { when: `p.state = ${q(ApplicationState.APPROVED)} AND p.deliveredAt IS NULL`, start: 'p.decidedAt', kind: 'SHARE_DELIVERY' },
    ],
  },
  upwardApplications: {
    entity: UpwardApplicationRow,
    state: 'p.stepState',
    profileJurisdiction: 'p.stepJurisdiction',
    scopeJurisdictions: ['p.stepJurisdiction', 'p.requesterJurisdiction'],
    filedAt: 'p.filedAt',
    open: [{ when: `p.stepState IN (${q(UpwardStepState.WAITING)}, ${q(UpwardStepState.ROUTED)})`, start: 'p.stepReceivedAt', kind: 'UPWARD_STEP' }],
  },
  demands: {
    entity: DemandApplication,
    state: 'p.state',
    profileJurisdiction: 'p.applicantJurisdiction',
    scopeJurisdictions: ['p.applicantJurisdiction'],
    filedAt: 'p.submittedAt',
    open: [
      { when: `p.state = ${q(DemandState.SUBMITTED)}`, start: 'p.submittedAt', kind: 'DEMAND_REPLY' },
      { when: `p.state = ${q(DemandState.AUTHORITY_APPROVED)}`, start: 'p.reviewedAt', kind: 'DEMAND_REPLY' },
      { when: `p.state = ${q(DemandState.CONFIRMED)}`, start: 'p.answeredAt', kind: 'DEMAND_DELIVERY' },
    ],
  },
  reflowApplications: {
    entity: ReflowApplication,
    state: 'p.state',
    profileJurisdiction: 'p.resourceJurisdiction',
    scopeJurisdictions: ['p.resourceJurisdiction', 'p.applicantJurisdiction'],
    filedAt: 'p.submittedAt',
    open: [{ when: `p.state = ${q(ReflowApplicationState.PENDING)}`, start: 'p.submittedAt', kind: 'REFLOW_REPLY' }],
  },
  openDataApplications: {
    entity: OpenApplication,
    state: 'p.state',
    profileJurisdiction: 'p.jurisdictionCode',
    scopeJurisdictions: ['p.jurisdictionCode'],
    filedAt: 'p.submittedAt',
    open: [
      { when: `p.state = ${q(OpenApplicationState.AUTHORITY_REVIEW)}`, start: 'p.submittedAt', kind: 'OPEN_APPLICATION_REVIEW' },
      { when: `p.state = ${q(OpenApplicationState.SOURCE_DECISION)}`, start: 'p.reviewedAt', kind: 'OPEN_APPLICATION_DECISION' },
    ],
  },
  qualityReports: {
    entity: QualityReport,
    state: 'p.state',
    profileJurisdiction: 'p.jurisdictionCode',
    scopeJurisdictions: ['p.jurisdictionCode'],
    filedAt: 'p.filedAt',
    open: [
      { when: `p.state = ${q(QualityReportState.UNDER_VERIFICATION)} AND p.extendedAt IS NULL`, start: 'p.filedAt', kind: 'QUALITY_VERIFICATION' },
      { when: `p.state = ${q(QualityReportState.UNDER_VERIFICATION)} AND p.extendedAt IS NOT NULL`, start: 'p.filedAt', kind: 'QUALITY_VERIFICATION_EXTENDED' },
    ],
  },
  objections: {
    entity: OpenObjection,
    state: 'p.state',
    profileJurisdiction: 'p.jurisdictionCode',
    scopeJurisdictions: ['p.jurisdictionCode'],
    filedAt: 'p.filedAt',
    open: [{ when: `p.state = ${q(ObjectionState.SUSPENDED)}`, start: 'p.filedAt', kind: 'OBJECTION_VERIFICATION' }],
  },
} satisfies Record<string, Procedure>;

export type ProcedureName = keyof typeof PROCEDURES;

export interface ProcedureCount {
  state: string;
  count: number;
  /** Past their limit now. */
  overdue: number;
  /** Not overdue, due within the working days asked. */
  dueSoon: number;
}

/**
 * One aggregate statement per procedure: rows by state, and of the open ones how many are overdue and
 * how many fall due soon. "Overdue" is a comparison of the start column with an instant per policy
 * profile (kernel/calendar/thresholds.ts), written into the statement as parameters.
 */
export async function countProcedure(ctx: RequestContext, name: ProcedureName, scope: StatisticsScope): Promise<ProcedureCount[]> {
  const procedure: Procedure = PROCEDURES[name];
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (value: unknown) => {
    const key = `s${n++}`;
    params[key] = value;
    return `:${key}`;
  };
  /** 1 when the open row started before its profile's instant, else 0: a CASE over the profiles' prefixes, longest first. */
  const startedBefore = (step: OpenStep, thresholds: DeadlineThreshold[], which: 'overdueBefore' | 'dueSoonBefore') => {
    const branches = thresholds.map((t) => `WHEN ${procedure.profileJurisdiction} LIKE ${param(`${t.prefix}%`)} THEN (CASE WHEN ${step.start} < ${param(t[which])} THEN 1 ELSE 0 END)`);
    return `(CASE ${branches.join(' ')} ELSE 0 END)`;
  };
  const steps = procedure.open.map((step) => ({ step, thresholds: deadlineThresholds(ctx.calendar, step.kind, ctx.now, scope.dueWithinWorkingDays) }));
  const sumOver = (which: 'overdueBefore' | 'dueSoonBefore') =>
    steps.length ? `SUM(CASE ${steps.map(({ step, thresholds }) => `WHEN ${step.when} THEN ${startedBefore(step, thresholds, which)}`).join(' ')} ELSE 0 END)` : '0';
  const qb = ctx.db.getRepository(procedure.entity).createQueryBuilder('p')
    .select(procedure.state, 'state')
    .addSelect('COUNT(*)', 'count')
    .addSelect(sumOver('overdueBefore'), 'overdue')
    .addSelect(sumOver('dueSoonBefore'), 'dueSoonOrOverdue')
    .groupBy(procedure.state)
    .orderBy(procedure.state, 'ASC');
  scope.restrict(qb, procedure.scopeJurisdictions);
  scope.period(qb, procedure.filedAt);
  qb.setParameters(params);
  const rows: Array<{ state: string; count: string | number; overdue: string | number | null; dueSoonOrOverdue: string | number | null }> = await qb.getRawMany();
  return rows.map((row) => ({
    state: row.state,
    count: Number(row.count),
    overdue: Number(row.overdue ?? 0),
    dueSoon: Number(row.dueSoonOrOverdue ?? 0) - Number(row.overdue ?? 0),
  }));
}
