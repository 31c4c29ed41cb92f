import { hasRole, Identity } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { conflict, forbidden, notFound } from '../../kernel/errors';
import { isWithin } from '../../kernel/identifiers';
import { ApplicationState, ShareApplication } from './application.entity';
import { applicationById } from './loaders';

/** The applicant agency, the data source department, and the authorities over the resource's jurisdiction. */
export function canSeeApplication(me: Identity, application: ShareApplication): boolean {
  return (
    me.agency === application.applicantUscc ||
    me.agency === application.sourceDepartmentUscc ||
    (hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(application.resourceJurisdiction, me.jurisdiction))
  );
}

/** For the parties' mutations: a missing application is NOT_FOUND; who may act is checked after. */
export async function findApplication(ctx: RequestContext, id: string, field = 'id'): Promise<ShareApplication> {
  const application = await applicationById(ctx).load(id);
  if (!application) throw notFound(`${field}: no share application ${id} on the ${ctx.level.toLowerCase()} platform`, { field });
  return application;
}

/** For reads: an application the caller may not see does not exist for them. */
export async function findVisibleApplication(ctx: RequestContext, id: string): Promise<ShareApplication> {
  const application = await applicationById(ctx).load(id);
  if (!application || !canSeeApplication(ctx.identity, application)) {
    throw notFound(`id: no share application ${id} on the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  }
  return application;
}

/** Re-reads an application after a write (the request's loader may hold the old row). */
export async function reloadApplication(ctx: RequestContext, id: string): Promise<ShareApplication> {
  applicationById(ctx).clear(id);
  return findApplication(ctx, id);
}

/** 004 art. 23: the data source department (数源部门) of the resource decides, through its reviewers. */
export function requireSourceReviewer(ctx: RequestContext, application: ShareApplication, action: string): void {
  const me = ctx.identity;
  if (!hasRole(me, 'SOURCE_REVIEWER') || me.agency !== application.sourceDepartmentUscc) {
    throw forbidden(`${action}: only a SOURCE_REVIEWER of the data source department ${application.sourceDepartmentUscc} may do this (004 art. 23)`);
  }
}

export function requireApplicant(ctx: RequestContext, application: ShareApplication, action: string): void {
  const me = ctx.identity;
  if (!hasRole(me, 'AGENCY_USER') || me.agency !== application.applicantUscc) {
    throw forbidden(`${action}: only users (AGENCY_USER) of the applicant agency ${application.applicantUscc} may do this`);
  }
}

export function requireState(application: ShareApplication, expected: ApplicationState, action: string): void {
  if (application.state !== expected) {
    throw conflict(`${action}: application ${application.id} is ${application.state}, not ${expected}`, { state: application.state });
  }
}
