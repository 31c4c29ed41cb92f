import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { hasRole, Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { conflict, forbidden, notFound } from '../../kernel/errors';
import { isWithin } from '../../kernel/identifiers';
import { byKeys } from '../../kernel/loaders';
import { UpwardApplicationRow } from './application.entity';
import { UpwardStepKind, UpwardStepState } from './enums';
import { Hop, routeOf } from './route';

export const upwardById = (ctx: RequestContext) =>
  ctx.loaders.get('upward.byId', () =>
    new DataLoader<string, UpwardApplicationRow | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(UpwardApplicationRow).findBy({ id: In([...ids]) }), (row) => row.id)));

/** Re-reads a row after a write (the request's loader may hold the old one). */
export async function reloadUpward(ctx: RequestContext, id: string): Promise<UpwardApplicationRow> {
  upwardById(ctx).clear(id);
  return (await upwardById(ctx).load(id))!;
}

/** The requester agency, the data source department, and the authorities on the route or over the data. */
export function canSeeUpward(me: Identity, row: UpwardApplicationRow): boolean {
  if (me.agency === row.requesterUscc || me.agency === row.sourceDepartmentUscc) return true;
  if (!hasRole(me, 'AUTHORITY_REVIEWER')) return false;
  const onRoute = routeOf(row).some((hop) => hop.kind === UpwardStepKind.AUTHORITY && isWithin(hop.jurisdictionCode, me.jurisdiction));
  return onRoute || isWithin(row.resourceJurisdiction, me.jurisdiction);
}

/** For reads: an application the caller may not see does not exist for them. */
export async function findVisibleUpward(ctx: RequestContext, id: string): Promise<UpwardApplicationRow> {
  const row = await upwardById(ctx).load(id);
  if (!row || !canSeeUpward(ctx.identity, row)) throw notFound(`id: no upward application ${id} on the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  return row;
}

/** For acting on a step: an application that has not reached this level cannot be acted on here yet. */
export async function findArrived(ctx: RequestContext, id: string, action: string): Promise<UpwardApplicationRow> {
  const row = await upwardById(ctx).load(id);
  if (!row) throw conflict(`${action}: upward application ${id} has not reached the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  return row;
}

/** Only the public data authority of a step's jurisdiction acts at that step. */
export function requireAuthorityOf(ctx: RequestContext, hop: Hop, action: string): void {
  const me = ctx.identity;
  if (!hasRole(me, 'AUTHORITY_REVIEWER') || me.level !== hop.level || me.jurisdiction !== hop.jurisdictionCode) {
    throw forbidden(`${action}: only the ${hop.level} public data authority of ${hop.jurisdictionCode} (role AUTHORITY_REVIEWER) may do this (004 art. 25)`);
  }
}

/** 004 art. 23: the data source department decides, through its reviewers. */
export function requireHolderReviewer(ctx: RequestContext, sourceDepartmentUscc: string, action: string): void {
  const me = ctx.identity;
  if (!hasRole(me, 'SOURCE_REVIEWER') || me.agency !== sourceDepartmentUscc) {
    throw forbidden(`${action}: only a SOURCE_REVIEWER of the data source department ${sourceDepartmentUscc} may do this (004 art. 23)`);
  }
}

export function requireRequester(ctx: RequestContext, row: UpwardApplicationRow, action: string): void {
  const me = ctx.identity;
  if (!hasRole(me, 'AGENCY_USER') || me.agency !== row.requesterUscc) {
    throw forbidden(`${action}: only users (AGENCY_USER) of the requesting agency ${row.requesterUscc} may do this`);
  }
}

export function requireWaiting(ctx: RequestContext, row: UpwardApplicationRow, action: string): void {
  if (row.stepState !== UpwardStepState.WAITING) {
    throw conflict(`${action}: the ${ctx.level.toLowerCase()} step of upward application ${row.id} is ${row.stepState}, not WAITING`, { state: row.stepState });
  }
}
