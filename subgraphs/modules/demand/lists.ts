import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { authoritySubtreePattern } from '../../kernel/graphql/guards';
import { DemandApplication } from './demand.entity';
import { responsibilityDue } from './demand.service';
import { DemandState } from './enums';
import { ResponsibilityEntry } from './responsibility.entity';

/**
 * 需求清单 as the caller sees it (004 art. 20): the demands its agency filed, those its authority
 * reviews (its jurisdiction and below), and those that name its agency as source department (alias `d`).
 */
export function demandList(ctx: RequestContext, state: DemandState | null): SelectQueryBuilder<DemandApplication> {
  const me = ctx.identity;
  const qb = ctx.db
    .getRepository(DemandApplication)
    .createQueryBuilder('d')
    .where('(d.applicantUscc = :me OR d.sourceDepartmentUscc = :me OR d.applicantJurisdiction LIKE :authorityPrefix)', {
      me: me.agency,
      // A prefix no division code starts with, for callers who are no authority.
      authorityPrefix: authoritySubtreePattern(me),
    });
  if (state) qb.andWhere('d.state = :state', { state });
  return qb;
}

/** 责任清单 of one source department on this platform, earliest due first (004 art. 20, 24), as the calendar stands now. */
export async function responsibilityList(ctx: RequestContext, agencyUscc: string): Promise<ResponsibilityEntry[]> {
  const entries = await ctx.db.getRepository(ResponsibilityEntry).find({ where: { agencyUscc }, order: { confirmedAt: 'ASC', id: 'ASC' } });
  const due = new Map(entries.map((entry) => [entry, responsibilityDue(ctx, entry).dueDay]));
  return entries.sort((a, b) => (due.get(a)! < due.get(b)! ? -1 : due.get(a)! > due.get(b)! ? 1 : 0));
}
