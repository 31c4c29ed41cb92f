import { In } from 'typeorm';
import { hasRole, Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { isWithin } from '../../kernel/identifiers';
import { ReflowApplication } from './application.entity';
import { ReflowApplicationState } from './enums';
import { ReflowRun } from './run.entity';
import { ReflowSubscription } from './subscription.entity';

const MAX_LIST = 200;

function checkFirst(first: number) {
  if (first < 1 || first > MAX_LIST) throw badInput('first', `must be between 1 and ${MAX_LIST}`);
}

/** This level's authority over the resource decides; the applicant follows its own application. */
function deciderOf(ctx: RequestContext, me: Identity, application: ReflowApplication): boolean {
  return hasRole(me, 'AUTHORITY_REVIEWER') && me.level === ctx.level && isWithin(application.resourceJurisdiction, me.jurisdiction);
}

export async function visibleApplication(ctx: RequestContext, id: string): Promise<ReflowApplication> {
  const application = await ctx.db.getRepository(ReflowApplication).findOneBy({ id });
  if (!application || !(application.applicantUscc === ctx.identity.agency || deciderOf(ctx, ctx.identity, application))) {
    throw notFound(`id: no reflow application ${id} on the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  }
  return application;
}

/** The caller's own applications and those it decides, newest first. */
export async function visibleApplications(ctx: RequestContext, state: ReflowApplicationState | undefined, first: number): Promise<ReflowApplication[]> {
  checkFirst(first);
  const all = await ctx.db.getRepository(ReflowApplication).find({ where: state ? { state } : {}, order: { submittedAt: 'DESC', id: 'ASC' } });
  return all.filter((a) => a.applicantUscc === ctx.identity.agency || deciderOf(ctx, ctx.identity, a)).slice(0, first);
}

/**
 * Subscriptions this platform serves or receives, for the authorities concerned: the subscriber's
 * and those above it (the region sees all), and the authority of this level over the scope.
 */
export async function visibleSubscriptions(ctx: RequestContext): Promise<ReflowSubscription[]> {
  const me = requireRole(ctx, 'listing reflow subscriptions', 'AUTHORITY_REVIEWER');
  const all = await ctx.db.getRepository(ReflowSubscription).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  return all.filter(
    (s) => isWithin(s.subscriberJurisdiction, me.jurisdiction) || (s.sourceLevel === ctx.level && me.level === ctx.level && isWithin(s.scopeDivisionCode, me.jurisdiction)),
  );
}

/** Runs of subscriptions this platform receives: a city authority sees its own, the region's sees all. */
export async function visibleRuns(ctx: RequestContext, subscriptionId: string | undefined, first: number): Promise<ReflowRun[]> {
  const me = requireRole(ctx, 'reading reflow runs', 'AUTHORITY_REVIEWER');
  checkFirst(first);
  const received = await ctx.db.getRepository(ReflowSubscription).findBy({ targetLevel: ctx.level, ...(subscriptionId ? { id: subscriptionId } : {}) });
  const mine = received.filter((s) => isWithin(s.subscriberJurisdiction, me.jurisdiction)).map((s) => s.id);
  if (subscriptionId && mine.length === 0) {
    throw notFound(`subscriptionId: no reflow subscription ${subscriptionId} of yours is received by the ${ctx.level.toLowerCase()} platform`, { field: 'subscriptionId' });
  }
  if (mine.length === 0) return [];
  return ctx.db.getRepository(ReflowRun).find({ where: { subscriptionId: In(mine) }, order: { queuedAt: 'DESC', id: 'ASC' }, take: first });
}
