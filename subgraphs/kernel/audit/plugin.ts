import type { ServiceMetrics } from '../observability';
import type { ApolloServerPlugin } from '@apollo/server';
import { auditedRequester } from '../auth/caller';
import { RequestContext } from '../context';
import { AuditWriter } from './writer';

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
            const drafts = contextValue.audit.drafts();
            for (const draft of drafts) metrics.decisions.inc({ effect: draft.effect, reason: draft.reason ?? 'none' });
            const started = performance.now();
            await writer.append(auditedRequester(contextValue.caller), contextValue.requestId, contextValue.now, drafts);
            if (drafts.length) metrics.auditAppendSeconds.observe((performance.now() - started) / 1000);
          } catch {
            response.body = { kind: 'single', singleResult: { errors: [{ message: 'the audit trail could not be written; no data was released', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
          }
        },
      };
    },
  };
}
