import { RequestContext } from '../../kernel/context';
import { ShareApplication } from './application.entity';

export type ShareAction = 'SHARE_APPLY' | 'SHARE_WITHDRAW' | 'SHARE_APPROVE' | 'SHARE_REFUSE' | 'SHARE_DELIVER' | 'SHARE_REVOKE';

/**
 * Obtaining shared data must be traceable end to end (001 art. 25): each step of an application
 * and each grant revocation goes into this platform's trail next to the data accesses it enables.
 */
export function recordShareStep(
  ctx: RequestContext,
  action: ShareAction,
  application: ShareApplication,
  detail: { items?: string[]; reason?: string | null; grantId?: string | null } = {},
): void {
  ctx.audit.event({
    action,
    resourceId: application.resourceId,
    resourceJurisdiction: application.resourceJurisdiction,
    items: detail.items ?? JSON.parse(application.requestedItemsJson),
    effect: 'DONE',
    reason: detail.reason ?? null,
    grantId: detail.grantId ?? application.grantId ?? null,
    purpose: application.purpose,
    accessPath: 'ROOT',
    recordKeys: [application.id],
    recordCount: 1,
  });
}
