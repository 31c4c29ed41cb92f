import { In } from 'typeorm';
import { AuditRecord } from '../../kernel/audit/audit.entity';
import { RequestContext } from '../../kernel/context';
import { beijingDaySql } from '../../kernel/db/beijing-day-sql';
import { Agency } from '../agency/agency.entity';
import { CatalogState } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { RecordOriginRow } from '../records/origin.entity';
import { ReflowRunState } from '../reflow/enums';
import { ReflowRun } from '../reflow/run.entity';
import { GrantStatus, ShareGrant } from '../sharing/grant.entity';
import { AgencySuspension } from '../sharing/suspension.entity';
import { StatisticsScope } from './scope';

/*
 * The figures of a platform's statistics besides its procedures, each one aggregate statement
 * whatever the number of rows (test/statistics/statement-count.test.ts).
 */

const n = (value: unknown) => Number(value ?? 0);

export interface CatalogCount {
  sourceDepartmentUscc: string;
  shareType: string;
  openType: string;
  resources: number;
  items: number;
}

/** Published items by source department × share type × open type, with the resources they belong to. */
export async function catalogCounts(ctx: RequestContext, scope: StatisticsScope): Promise<CatalogCount[]> {
  const qb = ctx.db.getRepository(CatalogItem).createQueryBuilder('i')
    .innerJoin(CatalogResourceRow, 'r', 'r.id = i.resourceId')
    .select('r.sourceDepartmentUscc', 'sourceDepartmentUscc')
    .addSelect('i.shareType', 'shareType')
    .addSelect('i.openType', 'openType')
    .addSelect('COUNT(DISTINCT r.id)', 'resources')
    .addSelect('COUNT(*)', 'items')
    .where('r.state = :published', { published: CatalogState.PUBLISHED })
    .groupBy('r.sourceDepartmentUscc').addGroupBy('i.shareType').addGroupBy('i.openType')
    .orderBy('r.sourceDepartmentUscc').addOrderBy('i.shareType').addOrderBy('i.openType');
  scope.restrict(qb, ['r.jurisdictionCode']);
  const rows = await qb.getRawMany();
  return rows.map((row) => ({ sourceDepartmentUscc: row.sourceDepartmentUscc, shareType: row.shareType, openType: row.openType, resources: n(row.resources), items: n(row.items) }));
}

export interface GrantCounts {
  active: number;
  expiringSoon: number;
  expired: number;
  revoked: number;
}

const EXPIRING_DAYS = 30;

/** Grants held at this platform, by where they stand now; expiring: active and ending within 30 days. */
export async function grantCounts(ctx: RequestContext, scope: StatisticsScope): Promise<GrantCounts> {
  const soon = new Date(ctx.now.getTime() + EXPIRING_DAYS * 24 * 3600 * 1000);
  const qb = ctx.db.getRepository(ShareGrant).createQueryBuilder('g')
    .leftJoin(CatalogResourceRow, 'r', 'r.id = g.resourceId')
    .leftJoin(Agency, 'a', 'a.uscc = g.agencyUscc')
    .select(`SUM(CASE WHEN g.status = :revoked THEN 1 ELSE 0 END)`, 'revoked')
    .addSelect(`SUM(CASE WHEN g.status <> :revoked AND g.endsAt <= :now THEN 1 ELSE 0 END)`, 'expired')
    .addSelect(`SUM(CASE WHEN g.status <> :revoked AND g.endsAt > :now THEN 1 ELSE 0 END)`, 'active')
    .addSelect(`SUM(CASE WHEN g.status <> :revoked AND g.endsAt > :now AND g.endsAt <= :soon THEN 1 ELSE 0 END)`, 'expiringSoon')
    .setParameters({ revoked: GrantStatus.REVOKED, now: ctx.now, soon });
  scope.restrict(qb, ['r.jurisdictionCode', 'a.jurisdictionCode']);
  const row = await qb.getRawOne();
  return { active: n(row?.active), expiringSoon: n(row?.expiringSoon), expired: n(row?.expired), revoked: n(row?.revoked) };
}

/** Agencies whose access to this platform's data is suspended now (004 art. 50). */
export async function activeSuspensions(ctx: RequestContext, scope: StatisticsScope): Promise<number> {
  const qb = ctx.db.getRepository(AgencySuspension).createQueryBuilder('s')
    .innerJoin(Agency, 'a', 'a.uscc = s.agencyUscc')
    .select('COUNT(DISTINCT s.agencyUscc)', 'count')
    .where('s.liftedAt IS NULL');
  scope.restrict(qb, ['a.jurisdictionCode']);
  return n((await qb.getRawOne())?.count);
}

export interface ReflowRunDay {
  day: string;
  subscriptionId: string;
  subscriberJurisdiction: string | null;
  runs: number;
  failed: number;
  rowsWritten: number;
  rowsDeleted: number;
}

/** Runs received at this platform per subscription per Beijing day of queueing, in the period. */
export async function reflowRunDays(ctx: RequestContext, scope: StatisticsScope): Promise<ReflowRunDay[]> {
  const day = beijingDaySql(ctx.db, 'run.queuedAt');
  const qb = ctx.db.getRepository(ReflowRun).createQueryBuilder('run')
    .leftJoin(RecordOriginRow, 'o', 'o.subscriptionId = run.subscriptionId')
    .select(day, 'day')
    .addSelect('run.subscriptionId', 'subscriptionId')
    .addSelect('MAX(o.subscriberJurisdiction)', 'subscriberJurisdiction')
    .addSelect('COUNT(*)', 'runs')
    .addSelect('SUM(CASE WHEN run.state = :failed THEN 1 ELSE 0 END)', 'failed')
    .addSelect('SUM(run.rowsWritten)', 'rowsWritten')
    .addSelect('SUM(run.rowsDeleted)', 'rowsDeleted')
    .setParameter('failed', ReflowRunState.FAILED)
    .groupBy(day).addGroupBy('run.subscriptionId')
    .orderBy('day').addOrderBy('run.subscriptionId');
  scope.restrict(qb, ['o.subscriberJurisdiction']);
  scope.period(qb, 'run.queuedAt');
  const rows = await qb.getRawMany();
  return rows.map((row) => ({ day: row.day, subscriptionId: row.subscriptionId, subscriberJurisdiction: row.subscriberJurisdiction ?? null, runs: n(row.runs), failed: n(row.failed), rowsWritten: n(row.rowsWritten), rowsDeleted: n(row.rowsDeleted) }));
}

export interface ReflowLag {
  subscriptionId: string;
  lastSucceededAt: Date | null;
  /** Seconds since the last successful run finished (null when none has). */
  lagSeconds: number | null;
  failedRuns: number;
}

/** Per subscription received here: how long since its data last arrived, and how many runs failed. */
export async function reflowLags(ctx: RequestContext, scope: StatisticsScope): Promise<ReflowLag[]> {
  const qb = ctx.db.getRepository(ReflowRun).createQueryBuilder('run')
    .leftJoin(RecordOriginRow, 'o', 'o.subscriptionId = run.subscriptionId')
    .select('run.subscriptionId', 'subscriptionId')
    .addSelect('MAX(CASE WHEN run.state = :succeeded THEN run.finishedAt ELSE NULL END)', 'lastSucceededAt')
    .addSelect('SUM(CASE WHEN run.state = :failed THEN 1 ELSE 0 END)', 'failedRuns')
    .setParameters({ succeeded: ReflowRunState.SUCCEEDED, failed: ReflowRunState.FAILED })
    .groupBy('run.subscriptionId')
    .orderBy('run.subscriptionId');
  scope.restrict(qb, ['o.subscriberJurisdiction']);
  const rows = await qb.getRawMany();
  return rows.map((row) => {
    const last = row.lastSucceededAt ? new Date(row.lastSucceededAt instanceof Date ? row.lastSucceededAt : `${String(row.lastSucceededAt).replace(' ', 'T')}Z`) : null;
    return { subscriptionId: row.subscriptionId, lastSucceededAt: last, lagSeconds: last ? Math.max(0, Math.round((ctx.now.getTime() - last.getTime()) / 1000)) : null, failedRuns: n(row.failedRuns) };
  });
}

export interface AuditDay {
  day: string;
  action: string;
  effect: string;
  reason: string | null;
  count: number;
}

const ACCESSES = ['READ', 'VERIFY', 'LOOKUP'];

/** Accesses recorded by this platform per Beijing day, action, effect and reason, in the period. */
export async function auditDays(ctx: RequestContext, scope: StatisticsScope): Promise<AuditDay[]> {
  const day = beijingDaySql(ctx.db, 'a.at', 'iso-text');
  const qb = ctx.db.getRepository(AuditRecord).createQueryBuilder('a')
    .select(day, 'day')
    .addSelect('a.action', 'action')
    .addSelect('a.effect', 'effect')
    .addSelect('a.reason', 'reason')
    .addSelect('COUNT(*)', 'count')
    .where({ action: In(ACCESSES) })
    .groupBy(day).addGroupBy('a.action').addGroupBy('a.effect').addGroupBy('a.reason')
    .orderBy('day').addOrderBy('a.action').addOrderBy('a.effect').addOrderBy('a.reason');
  scope.restrict(qb, ['a.resourceJurisdiction', 'a.agencyJurisdiction']);
  scope.period(qb, 'a.at', true);
  const rows = await qb.getRawMany();
  return rows.map((row) => ({ day: row.day, action: row.action, effect: row.effect, reason: row.reason ?? null, count: n(row.count) }));
}
