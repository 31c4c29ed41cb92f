import { GraphQLError } from 'graphql';
import { IsNull } from 'typeorm';
import { Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { levelName } from '../../kernel/levels';
import { checkUscc, isWithin } from '../../kernel/identifiers';
import { Level } from '../../kernel/levels';
import { callPlatform } from '../../kernel/service-client';
import { agencyByUscc } from '../agency/agency.loaders';
import { AgencySuspension } from './suspension.entity';

const LOWER_LEVELS: readonly Level[] = ['CITY', 'COUNTY'];

/**
 * 004 art. 50: the authorities of this platform's level govern access to its data; the region's
 * authority governs every level's, which is how its suspension reaches the city and county platforms.
 */
export function requireGoverningAuthority(ctx: RequestContext, action: string): Identity {
  const me = requireRole(ctx, action, 'AUTHORITY_REVIEWER');
  if (me.level !== ctx.level && me.level !== 'REGION') {
    throw forbidden(`${action}: access to the ${ctx.level.toLowerCase()} platform's data is governed by the ${ctx.level} or REGION authority, not a ${me.level} one (004 art. 50)`);
  }
  return me;
}

function checkArguments(uscc: string, reason: string): void {
  const check = checkUscc(uscc);
  if (!check.valid) throw badInput('uscc', `'${uscc}' is not a valid USCC: ${check.reason}`);
  if (!reason.trim()) throw badInput('reason', 'say why (004 art. 50: suspended for misuse, lifted once corrected)');
}

/**
 * 004 art. 50, 按照法定权限: an authority suspends agencies of its own jurisdiction and those below it
 * (the region all of them), never an agency of a sibling, a parent or another city. Where an agency
 * belongs is the registry's answer.
 */
async function requireTargetWithin(ctx: RequestContext, me: Identity, uscc: string, action: string): Promise<void> {
  const agency = await agencyByUscc(ctx).load(uscc);
  if (!agency) throw notFound(`uscc: no agency ${uscc} is registered`, { field: 'uscc' });
  if (!isWithin(agency.jurisdictionCode, me.jurisdiction)) {
    throw forbidden(`${action}: agency ${uscc} belongs to ${agency.jurisdictionCode}, outside the jurisdiction ${me.jurisdiction} of the authority acting (004 art. 50)`, { field: 'uscc' });
  }
}

const activeSuspension = (ctx: RequestContext, uscc: string, imposedBy: string) =>
  ctx.db.getRepository(AgencySuspension).findOneBy({ agencyUscc: uscc, imposedBy, liftedAt: IsNull() });

/**
 * The region passes its act on to the lower platforms before recording it, so a failure leaves the
 * region's own record unchanged and the act can be repeated. A lower platform's CONFLICT means it is
 * already in the state asked for (an earlier, partly failed attempt reached it), which is what we want.
 */
async function passDown(ctx: RequestContext, pattern: string, uscc: string, reason: string): Promise<void> {
  if (ctx.level !== 'REGION') return;
  for (const lower of LOWER_LEVELS) {
    try {
      await callPlatform(ctx.config, lower, {
        query: `mutation($uscc: ID!, $reason: String!) { ${levelName(lower, pattern)}(uscc: $uscc, reason: $reason) { agencyUscc } }`,
        variables: { uscc, reason },
        authorization: ctx.authorization,
        requestId: ctx.requestId,
      });
    } catch (error) {
      if (!(error instanceof GraphQLError && error.extensions.code === 'CONFLICT')) throw error;
    }
  }
}

export async function suspendAgency(ctx: RequestContext, uscc: string, reason: string): Promise<AgencySuspension> {
  const me = requireGoverningAuthority(ctx, 'suspending an agency');
  checkArguments(uscc, reason);
  await requireTargetWithin(ctx, me, uscc, 'suspending an agency');
  const alreadyIn = `uscc: agency ${uscc} is already suspended by the authority of ${me.jurisdiction}`;
  const existing = await activeSuspension(ctx, uscc, me.jurisdiction);
  if (existing) throw conflict(`${alreadyIn} since ${existing.suspendedAt.toISOString()}`);
  await passDown(ctx, 'suspend{Level}Agency', uscc, reason);
  return ctx.db.transaction(async (m) => {
    if (await m.existsBy(AgencySuspension, { agencyUscc: uscc, imposedBy: me.jurisdiction, liftedAt: IsNull() })) throw conflict(alreadyIn);
    return m.save(
      Object.assign(new AgencySuspension(), {
        agencyUscc: uscc,
        reason: reason.trim(),
        imposedBy: me.jurisdiction,
        suspendedBy: me.sub,
        suspendedAt: ctx.now,
        liftedAt: null,
        liftedBy: null,
        liftReason: null,
      }),
    );
  });
}

/** An authority lifts its own suspension; one imposed by another authority stays until that one lifts it. */
export async function liftSuspension(ctx: RequestContext, uscc: string, reason: string): Promise<AgencySuspension> {
  const me = requireGoverningAuthority(ctx, 'lifting a suspension');
  checkArguments(uscc, reason);
  await requireTargetWithin(ctx, me, uscc, 'lifting a suspension');
  const existing = await activeSuspension(ctx, uscc, me.jurisdiction);
  if (!existing) {
    const others = await ctx.db.getRepository(AgencySuspension).findBy({ agencyUscc: uscc, liftedAt: IsNull() });
    const standing = others.length ? `; it stays suspended by the authority of ${others.map((s) => s.imposedBy).join(', ')}` : '';
    throw conflict(`uscc: agency ${uscc} is not suspended by the authority of ${me.jurisdiction}${standing}`);
  }
  await passDown(ctx, 'lift{Level}AgencySuspension', uscc, reason);
  return ctx.db.transaction(async (m) => {
    const result = await m.update(AgencySuspension, { id: existing.id, liftedAt: IsNull() }, { liftedAt: ctx.now, liftedBy: me.sub, liftReason: reason.trim() });
    if (!result.affected) throw conflict(`uscc: the suspension of ${uscc} was lifted while this request ran`);
    return m.findOneByOrFail(AgencySuspension, { id: existing.id });
  });
}

/** The suspensions of agencies within the authority's jurisdiction (all of them for the region's). */
export async function suspensionsOf(ctx: RequestContext, activeOnly: boolean): Promise<AgencySuspension[]> {
  const me = requireGoverningAuthority(ctx, 'reading suspensions');
  const all = await ctx.db.getRepository(AgencySuspension).find({
    where: activeOnly ? { liftedAt: IsNull() } : {},
    order: { suspendedAt: 'DESC', id: 'DESC' },
  });
  if (me.level === 'REGION') return all;
  const agencies = await agencyByUscc(ctx).loadMany([...new Set(all.map((s) => s.agencyUscc))]);
  const within = new Set(agencies.flatMap((a) => (a && !(a instanceof Error) && isWithin(a.jurisdictionCode, me.jurisdiction) ? [a.uscc] : [])));
  return all.filter((s) => within.has(s.agencyUscc));
}
