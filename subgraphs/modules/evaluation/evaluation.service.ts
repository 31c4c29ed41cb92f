import { Brackets, In, IsNull, Not } from 'typeorm';
import { AuditRecord } from '../../kernel/audit/audit.entity';
import { computeDeadline, DeadlineKind } from '../../kernel/calendar';
import { RequestContext } from '../../kernel/context';
import { badInput } from '../../kernel/errors';
import { levelId } from '../../kernel/graphql/global-id';
import { subtreePrefix } from '../../kernel/identifiers';
import { Agency } from '../agency/agency.entity';
import { CatalogState } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { meetsItemRules } from '../catalog/share-rules';
import { DemandApplication } from '../demand/demand.entity';
import { QualityReport } from '../quality/report.entity';
import { ApplicationState, ShareApplication } from '../sharing/application.entity';
import { ShareGrant } from '../sharing/grant.entity';
import { StatisticsScope } from '../statistics/scope';
import { FigureName, FIGURES } from './weights';

/** One figure of an agency's evaluation: cases that met the rule out of the cases the period holds. */
export interface Figure {
  name: FigureName;
  met: number;
  cases: number;
  /** met ÷ cases, null when the period holds no case. */
  ratio: number | null;
  weight: number;
  article: string;
}

/** A step done late or not done in time: a violation of 004 art. 49 on the record. */
export interface Violation {
  kind: DeadlineKind;
  article: string;
  objectId: string;
  startedAt: Date;
  dueDay: string;
  doneAt: Date | null;
}

export interface AgencyEvaluation {
  agencyUscc: string;
  rank: number;
  /** Weighted mean of the figures with cases, 0-100; null when no figure has a case. */
  score: number | null;
  figures: Figure[];
  violations: Violation[];
}

/** A procedure step with a limit: when it started, when (if) it was done. */
interface Step {
  agency: string;
  kind: DeadlineKind;
  article: string;
  objectId: string;
  jurisdiction: string;
  startedAt: Date;
  doneAt: Date | null;
}

class Tally {
  readonly met = new Map<string, number>();
  readonly cases = new Map<string, number>();
  count(agency: string, met: boolean): void {
    this.cases.set(agency, (this.cases.get(agency) ?? 0) + 1);
    if (met) this.met.set(agency, (this.met.get(agency) ?? 0) + 1);
  }
}

/**
 * The annual evaluation of 004 art. 39 ¶2 and 41 for the agencies of this level in a jurisdiction
 * subtree, over a period: each figure from the procedures the agency took part in, each late step a
 * violation with its article (art. 49), and a ranking by score. Formulas: docs/evaluation.md.
 */
export async function evaluateAgencies(ctx: RequestContext, scope: StatisticsScope): Promise<AgencyEvaluation[]> {
  if (!scope.from || !scope.to) throw badInput('from', 'an evaluation covers a period: give from and to (a year, 004 art. 41)');
  const from = scope.from;
  const to = scope.to;
  const asOf = new Date(Math.min(ctx.now.getTime(), to.getTime()));
  const agencies = await ctx.db.getRepository(Agency).createQueryBuilder('a')
    .where('a.level = :level', { level: ctx.level })
    .andWhere('a.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(scope.jurisdictionCode)}%` })
    .orderBy('a.uscc').getMany();
  const usccs = agencies.map((a) => a.uscc);
  if (usccs.length === 0) return [];
  const tallies = Object.fromEntries(Object.keys(FIGURES).map((name) => [name, new Tally()])) as Record<FigureName, Tally>;
  const violations = new Map<string, Violation[]>();

  /** A step in the period counts when it was done, or when its limit ran out by the end of the period. */
  const judge = (figure: FigureName, step: Step) => {
    const deadline = computeDeadline(ctx.calendar, step.kind, step.jurisdiction, step.startedAt);
    const done = step.doneAt && step.doneAt.getTime() <= asOf.getTime() ? step.doneAt : null;
    const overdue = done ? done.getTime() > deadline.dueAt.getTime() : asOf.getTime() > deadline.dueAt.getTime();
    if (!done && !overdue) return;
    tallies[figure].count(step.agency, !overdue);
    if (overdue) {
      const list = violations.get(step.agency) ?? [];
      list.push({ kind: step.kind, article: step.article, objectId: step.objectId, startedAt: step.startedAt, dueDay: deadline.dueDay, doneAt: done });
      violations.set(step.agency, list);
    }
  };

  const [items, revisions, shares, demands, reports, grants] = await Promise.all([
    ctx.db.getRepository(CatalogItem).createQueryBuilder('i').innerJoinAndMapOne('i.resource', CatalogResourceRow, 'r', 'r.id = i.resourceId')
      .where('r.state = :published AND r.providerUscc IN (:...usccs)', { published: CatalogState.PUBLISHED, usccs }).getMany() as Promise<Array<CatalogItem & { resource: CatalogResourceRow }>>,
    ctx.db.getRepository(CatalogResourceRow).find({ where: { providerUscc: In(usccs), revisionTriggeredAt: Not(IsNull()) } }),
    ctx.db.getRepository(ShareApplication).createQueryBuilder('s').where('s.sourceDepartmentUscc IN (:...usccs)', { usccs })
      .andWhere(new Brackets((w) => w.where('s.submittedAt >= :from AND s.submittedAt < :to').orWhere('s.decidedAt >= :from AND s.decidedAt < :to')), { from, to }).getMany(),
    ctx.db.getRepository(DemandApplication).createQueryBuilder('d').where('d.sourceDepartmentUscc IN (:...usccs)', { usccs })
      .andWhere('d.reviewedAt >= :from AND d.reviewedAt < :to', { from, to }).getMany(),
    ctx.db.getRepository(QualityReport).createQueryBuilder('q').where('q.providerUscc IN (:...usccs)', { usccs })
      .andWhere('q.filedAt >= :from AND q.filedAt < :to', { from, to }).getMany(),
    ctx.db.getRepository(ShareGrant).createQueryBuilder('g').where('g.agencyUscc IN (:...usccs)', { usccs }).andWhere('g.endsAt > :from', { from }).getMany(),
  ]);

  for (const item of items) tallies.CATALOG_COMPLETENESS.count(item.resource.providerUscc, meetsItemRules(item));
  for (const r of revisions) {
    if (r.revisionTriggeredAt! < from || r.revisionTriggeredAt! >= to) continue;
    judge('CATALOG_UPDATES_IN_TIME', { agency: r.providerUscc, kind: 'CATALOG_UPDATE', article: FIGURES.CATALOG_UPDATES_IN_TIME.article, objectId: levelId(ctx.level, 'Resource', r.id), jurisdiction: r.jurisdictionCode, startedAt: r.revisionTriggeredAt!, doneAt: r.submittedAt });
  }
  for (const s of shares) {
    if (s.state === ApplicationState.WITHDRAWN) continue;
    const objectId = levelId(ctx.level, 'ShareApplication', s.id);
    if (s.submittedAt >= from && s.submittedAt < to) {
      judge('SHARE_REPLIES_IN_TIME', { agency: s.sourceDepartmentUscc, kind: 'SHARE_REPLY', article: FIGURES.SHARE_REPLIES_IN_TIME.article, objectId, jurisdiction: s.resourceJurisdiction, startedAt: s.submittedAt, doneAt: s.decidedAt });
    }
    if (s.state === ApplicationState.APPROVED && s.decidedAt && s.decidedAt >= from && s.decidedAt < to) {
      judge('SHARE_DELIVERIES_IN_TIME', { agency: s.sourceDepartmentUscc, kind: 'SHARE_DELIVERY', article: FIGURES.SHARE_DELIVERIES_IN_TIME.article, objectId, jurisdiction: s.resourceJurisdiction, startedAt: s.decidedAt, doneAt: s.deliveredAt });
    }
  }
  for (const d of demands) {
    judge('DEMAND_REPLIES_IN_TIME', { agency: d.sourceDepartmentUscc!, kind: 'DEMAND_REPLY', article: FIGURES.DEMAND_REPLIES_IN_TIME.article, objectId: levelId(ctx.level, 'DemandApplication', d.id), jurisdiction: d.applicantJurisdiction, startedAt: d.reviewedAt!, doneAt: d.answeredAt });
  }
  for (const q of reports) {
    judge('QUALITY_ANSWERED_IN_TIME', { agency: q.providerUscc, kind: q.extendedAt ? 'QUALITY_VERIFICATION_EXTENDED' : 'QUALITY_VERIFICATION', article: FIGURES.QUALITY_ANSWERED_IN_TIME.article, objectId: levelId(ctx.level, 'DataQualityReport', q.id), jurisdiction: q.jurisdictionCode, startedAt: q.filedAt, doneAt: q.answeredAt });
  }
  // A grant is used when the period's audit trail holds a release under it (004 art. 23: least authorisation; unused grants are scope to trim).
  const used = grants.length
    ? new Set((await ctx.db.getRepository(AuditRecord).createQueryBuilder('a').select('DISTINCT a.grantId', 'grantId')
      .where('a.grantId IN (:...ids)', { ids: grants.map((g) => g.id) }).andWhere("a.effect IN ('ALLOW', 'ALLOW_MASKED')")
      .andWhere('a.at >= :from AND a.at < :to', { from: from.toISOString(), to: to.toISOString() }).getRawMany()).map((row) => row.grantId))
    : new Set<string>();
  for (const g of grants) tallies.GRANTS_USED.count(g.agencyUscc, used.has(g.id));

  const evaluations = usccs.map((uscc) => {
    const figures: Figure[] = (Object.keys(FIGURES) as FigureName[]).map((name) => {
      const cases = tallies[name].cases.get(uscc) ?? 0;
      const met = tallies[name].met.get(uscc) ?? 0;
      return { name, met, cases, ratio: cases ? met / cases : null, weight: FIGURES[name].weight, article: FIGURES[name].article };
    });
    const weighed = figures.filter((f) => f.ratio !== null);
    const weight = weighed.reduce((sum, f) => sum + f.weight, 0);
    const score = weight ? Math.round((weighed.reduce((sum, f) => sum + f.weight * f.ratio!, 0) / weight) * 1000) / 10 : null;
    return { agencyUscc: uscc, rank: 0, score, figures, violations: (violations.get(uscc) ?? []).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()) };
  });
  // Highest score first; agencies without a case last; equal scores share a rank.
  evaluations.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.agencyUscc.localeCompare(b.agencyUscc));
  evaluations.forEach((e, i) => (e.rank = i > 0 && evaluations[i - 1].score === e.score ? evaluations[i - 1].rank : i + 1));
  return evaluations;
}
