import type { ServiceMetrics } from '../observability';
import type { ApolloServerPlugin } from '@apollo/server';
import { auditedRequester } from '../auth/caller';
import { RequestContext } from '../context';
import { AuditWriter } from './writer';

/** What a caller is told when the audit records of an answer could not be written. */
export const AUDIT_UNWRITTEN = 'the audit trail could not be written; no data was released';

/** Writes what a request scope collected into the audit trail, counting its decisions. */
export async function writeAudit(writer: AuditWriter, metrics: ServiceMetrics, ctx: RequestContext): Promise<void> {
  const drafts = ctx.audit.drafts();
  for (const draft of drafts) metrics.decisions.inc({ effect: draft.effect, reason: draft.reason ?? 'none' });
  const started = performance.now();
  await writer.append(auditedRequester(ctx.caller), ctx.requestId, ctx.now, drafts);
  if (drafts.length) metrics.auditAppendSeconds.observe((performance.now() - started) / 1000);
}

/**
 * Writes the request's audit records before its response is sent. If they cannot be written the
 * data is withheld: an access that leaves no trace must not happen (001 art. 25).
 */
export function auditPlugin(writer: AuditWriter, metrics: ServiceMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await writeAudit(writer, metrics, contextValue);
          } catch {
            response.body = { kind: 'single', singleResult: { errors: [{ message: AUDIT_UNWRITTEN, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
          }
        },
      };
    },
  };
}
