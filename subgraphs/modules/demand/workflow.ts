import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { conflict, forbidden } from '../../kernel/errors';
import { requireAuthorityOver } from '../../kernel/graphql/guards';
import { isWithin } from '../../kernel/identifiers';
import { DemandApplication } from './demand.entity';
import { DemandState } from './enums';

export type DemandAction = 'approve' | 'refuse at review' | 'confirm' | 'refuse as source department' | 'deliver';

/** Who takes a step: the authority over the applicant, or the source department it named. */
type Actor = 'AUTHORITY' | 'SOURCE_REVIEWER' | 'SOURCE_DEPARTMENT';

interface Step {
  from: DemandState;
  to: DemandState;
  actor: Actor;
}

/**
 * 004 art. 24: a demand goes to the authority, which names the source department; that department
 * confirms it onto its responsibility list (or refuses with reasons), then shares the data.
 */
const STEPS: Record<DemandAction, Step> = {
  approve: { from: DemandState.SUBMITTED, to: DemandState.AUTHORITY_APPROVED, actor: 'AUTHORITY' },
  'refuse at review': { from: DemandState.SUBMITTED, to: DemandState.REFUSED, actor: 'AUTHORITY' },
  confirm: { from: DemandState.AUTHORITY_APPROVED, to: DemandState.CONFIRMED, actor: 'SOURCE_REVIEWER' },
  'refuse as source department': { from: DemandState.AUTHORITY_APPROVED, to: DemandState.REFUSED, actor: 'SOURCE_REVIEWER' },
  deliver: { from: DemandState.CONFIRMED, to: DemandState.DELIVERED, actor: 'SOURCE_DEPARTMENT' },
};

/** CONFLICT unless the demand is where `action` starts; FORBIDDEN unless the caller may take it. Returns the target state. */
export function requireDemandStep(ctx: RequestContext, action: DemandAction, demand: DemandApplication): DemandState {
  const step = STEPS[action];
  if (demand.state !== step.from) {
    throw conflict(`cannot ${action}: demand ${demand.id} is ${demand.state}; that step needs ${step.from}`, { state: demand.state, action });
  }
  requireActor(ctx, step.actor, action, demand);
  return step.to;
}

function requireActor(ctx: RequestContext, actor: Actor, action: string, demand: DemandApplication): void {
  if (actor === 'AUTHORITY') {
    requireAuthorityOver(ctx, action, demand.applicantJurisdiction);
    return;
  }
  const me = ctx.identity;
  const roleHeld = actor === 'SOURCE_REVIEWER' ? hasRole(me, 'SOURCE_REVIEWER') : hasRole(me, 'SOURCE_REVIEWER') || hasRole(me, 'AGENCY_USER');
  if (me.agency !== demand.sourceDepartmentUscc || !roleHeld) {
    const role = actor === 'SOURCE_REVIEWER' ? 'SOURCE_REVIEWER' : 'AGENCY_USER or SOURCE_REVIEWER';
    throw forbidden(`${action}: only the source department ${demand.sourceDepartmentUscc} (role ${role}) may do this (004 art. 24)`, { action });
  }
}

/** A demand is seen by its applicant, the authorities over the applicant, and the source department it waits on. */
export function canSeeDemand(ctx: RequestContext, demand: DemandApplication): boolean {
  const me = ctx.identity;
  if (me.agency === demand.applicantUscc || me.agency === demand.sourceDepartmentUscc) return true;
  return hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(demand.applicantJurisdiction, me.jurisdiction);
}
