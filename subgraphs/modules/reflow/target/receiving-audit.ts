import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditDraft } from '../../../kernel/audit/collector';
import { AuditWriter } from '../../../kernel/audit/writer';
import { Identity } from '../../../kernel/auth/identity';
import { ReflowSubscription } from '../subscription.entity';

/** The receiving platform's record of values it dropped from what a subscription delivered. */
export function purgeDraft(subscription: ReflowSubscription, items: readonly string[], rows: number, reason: string): AuditDraft {
  return {
    action: 'REFLOW_PURGE',
    resourceId: subscription.resourceId,
    resourceJurisdiction: null,
    items: [...items].sort(),
    effect: 'DONE',
    reason: reason.slice(0, 1024),
    grantId: null,
    purpose: `reflow ${subscription.id}`,
    accessPath: 'ROOT',
    recordKeys: [],
    recordCount: rows,
  };
}

/**
 * What the receiving platform records in its own trail about a subscription when no request is behind
 * it (a scheduled or command-line run): values it purged because the entitlement behind them ended,
 * rows it ended at a cancellation. Recorded for the subscriber, as the platform acting for it.
 */
export interface ReceivingAudit {
  record(subscription: ReflowSubscription, draft: AuditDraft): Promise<void>;
}

export function receivingAudit(db: DataSource): ReceivingAudit {
  const writer = new AuditWriter(db);
  return {
    async record(subscription, draft) {
      const identity: Identity = {
        sub: `service:${subscription.targetLevel.toLowerCase()}`,
        agency: subscription.subscriberUscc,
        jurisdiction: subscription.subscriberJurisdiction,
        level: subscription.targetLevel,
        roles: ['SERVICE'],
      };
      await writer.append(identity, randomUUID(), new Date(), [draft]);
    },
  };
}
