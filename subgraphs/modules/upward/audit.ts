import { RequestContext } from '../../kernel/context';
import { UpwardApplicationRow } from './application.entity';

export type UpwardAction = 'UPWARD_FILE' | 'UPWARD_FORWARD' | 'UPWARD_ROUTE' | 'UPWARD_REFUSE' | 'UPWARD_APPROVE' | 'UPWARD_WITHDRAW';

/**
 * Every step goes into the trail of the platform where it is taken, like a data access (001 art. 25,
 * 004 art. 44): who acted (the request's identity), on which resource, items and application.
 */
export function recordStep(
  ctx: RequestContext,
  action: UpwardAction,
  row: UpwardApplicationRow,
  detail: { reason?: string | null; grantId?: string | null; items?: string[] } = {},
): void {
  ctx.audit.event({
    action,
    resourceId: row.resourceId,
    resourceJurisdiction: row.resourceJurisdiction,
    items: detail.items ?? row.items,
    effect: 'DONE',
    reason: detail.reason ?? null,
    grantId: detail.grantId ?? null,
    purpose: row.purpose,
    accessPath: 'ROOT',
    recordKeys: [row.id],
    recordCount: 1,
  });
}
