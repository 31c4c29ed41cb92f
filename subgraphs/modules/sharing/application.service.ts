import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { levelId } from '../../kernel/graphql/global-id';
import { badInput, conflict, forbidden, platformError } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { withinShareScope } from '../../kernel/policy';
import type { Level } from '../../kernel/levels';
import { loadVisible } from '../catalog/catalog.service';
import { CatalogState, ShareMode, ShareType } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { itemsOfResource } from '../catalog/loaders';
import { findApplication, reloadApplication, requireApplicant, requireState } from './access';
import { ApplicationState, ShareApplication } from './application.entity';
import { GrantStatus } from './grant.entity';
import { recordShareStep } from './audit';
import { ShareApplicationDraft } from './drafts';
import { grantById } from './loaders';
import { standingOf } from './standing';
import { AgencySuspension } from './suspension.entity';

/** How far ahead an application may ask for data: a use longer than this is reviewed again. */
const MAX_USE_YEARS = 3;

/** An end date must lie after now and within MAX_USE_YEARS. */
export function checkEndDate(field: string, endDate: Date, now: Date): void {
  if (endDate.getTime() <= now.getTime()) throw badInput(field, `${endDate.toISOString()} is not in the future`);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_USE_YEARS);
  if (endDate.getTime() > latest.getTime()) {
    throw badInput(field, `${endDate.toISOString()} is more than ${MAX_USE_YEARS} years ahead (latest ${latest.toISOString()}); apply again when the use continues`);
  }
}

/** Only CONDITIONAL items of the resource are applied for (004 art. 21, 23); each is named in its error. */
export function checkRequestedItems(resourceCode: string, codes: readonly string[], mode: ShareMode, items: readonly Pick<CatalogItem, 'code' | 'shareType' | 'maskRule'>[]): void {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    const field = `input.items[${index}]`;
    if (seen.has(code)) throw badInput(field, `item ${code} is listed twice`, { item: code });
    seen.add(code);
    const item = byCode.get(code);
    if (!item) throw badInput(field, `resource ${resourceCode} has no item '${code}'`, { item: code });
    if (item.shareType === ShareType.UNCONDITIONAL) {
      throw badInput(field, `${code} is UNCONDITIONAL: every agency obtains it directly on the platform, no application is needed (004 art. 21)`, { item: code, rule: '004 art. 21' });
    }
    if (item.shareType === ShareType.NOT_SHARED) {
      throw badInput(field, `${code} is NOT_SHARED: it is never delivered, only verified or compared (核验、比对) (004 art. 21)`, { item: code, rule: '004 art. 21' });
    }
    if (mode === ShareMode.MASKED && !item.maskRule) {
      throw badInput(field, `${code} has no mask rule, so it cannot be delivered MASKED (004 art. 22); apply for INTERFACE or FILE delivery`, { item: code, rule: '004 art. 22' });
    }
  });
}

/** The agency an application is made for, and the user who made it. */
export interface Applicant {
  uscc: string;
  level: Level;
  jurisdiction: string;
  user: string;
}

/** 004 art. 23: an agency applies to the platform holding the resource; its source department decides. */
export function applyForShare(ctx: RequestContext, input: ShareApplicationDraft): Promise<ShareApplication> {
  const me = requireRole(ctx, 'applying for shared data', 'AGENCY_USER');
  return fileShareApplication(ctx, input, { uscc: me.agency, level: me.level, jurisdiction: me.jurisdiction, user: me.sub });
}

/** The caller's own standing is read once per request (enforcement reads it too); another agency's is looked up. */
async function isSuspended(ctx: RequestContext, uscc: string): Promise<boolean> {
  if (uscc === ctx.identity.agency) return (await standingOf(ctx)).requester.suspended;
  return ctx.db.getRepository(AgencySuspension).existsBy({ agencyUscc: uscc, liftedAt: IsNull() });
}

/**
 * Records an application for `applicant`: the caller's own, or — when an upward application reaches
 * the platform holding the data (004 art. 25) — the requester's, filed by the authority routing it.
 */
export async function fileShareApplication(ctx: RequestContext, input: ShareApplicationDraft, applicant: Applicant, id: string = randomUUID()): Promise<ShareApplication> {
  if (await isSuspended(ctx, applicant.uscc)) {
    throw platformError('AGENCY_SUSPENDED', `agency ${applicant.uscc}: access to the ${ctx.level.toLowerCase()} platform's data is suspended until it corrects (004 art. 50); it cannot apply meanwhile`);
  }
  const resource = await loadVisible(ctx, input.resourceId, 'input.resourceId');
  if (resource.state !== CatalogState.PUBLISHED) {
    throw badInput('input.resourceId', `resource ${resource.code} version ${resource.version} is ${resource.state}; applications name the published version`);
  }
  if (!withinShareScope({ agencyUscc: applicant.uscc, level: applicant.level, jurisdiction: applicant.jurisdiction }, resource.shareScope)) {
    throw platformError('SHARE_DENIED', `resource ${resource.code} is shared only within its share scope (004 art. 10 ¶4), and agency ${applicant.uscc} (${applicant.level}, ${applicant.jurisdiction}) is outside it: no approval could give it the data`, { reason: 'OUTSIDE_SHARE_SCOPE', field: 'input.resourceId' });
  }
  checkRequestedItems(resource.code, input.items, input.shareMode, await itemsOfResource(ctx).load(resource.id));
  checkEndDate('input.requestedEndDate', input.requestedEndDate, ctx.now);

  const application = Object.assign(new ShareApplication(), {
    id,
    resourceId: resource.id,
    applicantUscc: applicant.uscc,
    applicantLevel: applicant.level,
    applicantJurisdiction: applicant.jurisdiction,
    applicantUser: applicant.user,
    sourceDepartmentUscc: resource.sourceDepartmentUscc,
    resourceJurisdiction: resource.jurisdictionCode,
    scenario: input.scenario.trim(),
    purpose: input.purpose.trim(),
    requestedItemsJson: JSON.stringify(input.items),
    shareMode: input.shareMode,
    requestedEndDate: input.requestedEndDate,
    state: ApplicationState.PENDING,
    submittedAt: ctx.now,
  });
  await ctx.db.transaction(async (m) => {
    const pending = await m.findOneBy(ShareApplication, { applicantUscc: applicant.uscc, resourceId: resource.id, state: ApplicationState.PENDING });
    if (pending) {
      throw conflict(`input.resourceId: agency ${applicant.uscc} already has application ${levelId(ctx.level, 'ShareApplication', pending.id)} for ${resource.code} under review; withdraw it or wait for the decision`, { applicationId: levelId(ctx.level, 'ShareApplication', pending.id) });
    }
    await m.insert(ShareApplication, application);
  });
  recordShareStep(ctx, 'SHARE_APPLY', application);
  return reloadApplication(ctx, application.id);
}

export async function withdrawApplication(ctx: RequestContext, id: string): Promise<ShareApplication> {
  const application = await findApplication(ctx, id);
  requireApplicant(ctx, application, 'withdrawing a share application');
  requireState(application, ApplicationState.PENDING, 'withdrawing');
  await ctx.db.transaction(async (m) => {
    const result = await m.update(ShareApplication, { id, state: ApplicationState.PENDING }, { state: ApplicationState.WITHDRAWN, withdrawnAt: ctx.now, withdrawnBy: ctx.identity.sub });
    if (!result.affected) throw conflict(`withdrawing: application ${id} was decided while this request ran`);
  });
  recordShareStep(ctx, 'SHARE_WITHDRAW', application);
  return reloadApplication(ctx, id);
}

/**
 * A FILE grant is delivered by the source department after approval, within the delivery limit
 * (004 art. 23); interface and masked grants were delivered at approval.
 */
export async function deliverApplication(ctx: RequestContext, id: string): Promise<ShareApplication> {
  const application = await findApplication(ctx, id);
  const me = requireRole(ctx, 'delivering shared data', 'SOURCE_REVIEWER', 'AGENCY_USER');
  if (me.agency !== application.sourceDepartmentUscc) {
    throw forbidden(`delivering: only the data source department ${application.sourceDepartmentUscc} delivers its data`);
  }
  requireState(application, ApplicationState.APPROVED, 'delivering');
  if (application.shareMode !== ShareMode.FILE) throw conflict(`delivering: application ${id} is ${application.shareMode}; it was delivered at approval`);
  if (application.deliveredAt) throw conflict(`delivering: application ${id} was delivered at ${application.deliveredAt.toISOString()}`);
  const grant = application.grantId ? await grantById(ctx).load(application.grantId) : null;
  if (grant?.status === GrantStatus.REVOKED) throw conflict(`delivering: grant ${grant.id} was revoked; nothing is delivered`);
  await ctx.db.transaction(async (m) => {
    const result = await m.update(ShareApplication, { id, state: ApplicationState.APPROVED, deliveredAt: IsNull() }, { deliveredAt: ctx.now, deliveredBy: me.sub });
    if (!result.affected) throw conflict(`delivering: application ${id} changed while this request ran`);
  });
  recordShareStep(ctx, 'SHARE_DELIVER', application);
  return reloadApplication(ctx, id);
}
