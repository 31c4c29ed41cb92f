import { SelectQueryBuilder } from 'typeorm';
import { hasRole, Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { isWithin } from '../../kernel/identifiers';
import { ReflowApplication } from './application.entity';
import { ReflowApplicationState } from './enums';
import { ReflowRun } from './run.entity';
import { ReflowSubscription } from './subscription.entity';

/** This level's authority over the resource decides; the applicant follows its own application. */
function deciderOf(ctx: RequestContext, me: Identity, application: ReflowApplication): boolean {
  return hasRole(me, 'AUTHORITY_REVIEWER') && me.level === ctx.level && isWithin(application.resourceJurisdiction, me.jurisdiction);
}

/** An application by id, for the applicant and the deciding authority; null for anyone else. */
export async function visibleApplication(ctx: RequestContext, id: string): Promise<ReflowApplication | null> {
  const application = await ctx.db.getRepository(ReflowApplication).findOneBy({ id });
  return application && (application.applicantUscc === ctx.identity.agency || deciderOf(ctx, ctx.identity, application)) ? application : null;
}

/** The caller's own applications and those it decides, newest first. */
export async function visibleApplications(ctx: RequestContext, state: ReflowApplicationState | undefined): Promise<ReflowApplication[]> {
  const all = await ctx.db.getRepository(ReflowApplication).find({ where: state ? { state } : {}, order: { submittedAt: 'DESC', id: 'ASC' } });
  return all.filter((a) => a.applicantUscc === ctx.identity.agency || deciderOf(ctx, ctx.identity, a));
}

/**
 * Subscriptions this platform serves or receives, for the authorities concerned: the subscriber's
 * and those above it (the region sees all), and the authority of this level over the scope.
 */
export async function visibleSubscriptions(ctx: RequestContext): Promise<ReflowSubscription[]> {
  requireRole(ctx, 'listing reflow subscriptions', 'AUTHORITY_REVIEWER');
  const all = await ctx.db.getRepository(ReflowSubscription).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  return all.filter((s) => concerns(ctx, s));
}

/** The subscriber's authority and those above it, and this level's authority over the scope. */
function concerns(ctx: RequestContext, s: ReflowSubscription): boolean {
  const me = ctx.identity;
  if (!hasRole(me, 'AUTHORITY_REVIEWER')) return false;
  return isWithin(s.subscriberJurisdiction, me.jurisdiction) || (s.sourceLevel === ctx.level && me.level === ctx.level && isWithin(s.scopeDivisionCode, me.jurisdiction));
}

/** A subscription this platform serves, by id, for the authorities concerned; null for anyone else. */
export async function visibleSubscription(ctx: RequestContext, id: string): Promise<ReflowSubscription | null> {
  const subscription = await ctx.db.getRepository(ReflowSubscription).findOneBy({ id, sourceLevel: ctx.level });
  return subscription && concerns(ctx, subscription) ? subscription : null;
}

/** Runs of subscriptions this platform receives: a city authority sees its own, the region's sees all (alias `run`). */
export async function visibleRuns(ctx: RequestContext, subscriptionId: string | undefined): Promise<SelectQueryBuilder<ReflowRun>> {
  const me = requireRole(ctx, 'reading reflow runs', 'AUTHORITY_REVIEWER');
  const received = await ctx.db.getRepository(ReflowSubscription).findBy({ targetLevel: ctx.level, ...(subscriptionId ? { id: subscriptionId } : {}) });
  const mine = received.filter((s) => isWithin(s.subscriberJurisdiction, me.jurisdiction)).map((s) => s.id);
  if (subscriptionId && mine.length === 0) {
    throw notFound(`subscriptionId: no reflow subscription ${subscriptionId} of yours is received by the ${ctx.level.toLowerCase()} platform`, { field: 'subscriptionId' });
  }
  return ctx.db.getRepository(ReflowRun).createQueryBuilder('run').where(mine.length ? 'run.subscriptionId IN (:...mine)' : '1 = 0', { mine });
}
