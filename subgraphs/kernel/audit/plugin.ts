import type { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../context';
import { AuditWriter } from './writer';

/**
 * Writes the request's audit records before its response is sent. If they cannot be written the
 * data is withheld: an access that leaves no trace must not happen (001 art. 25).
 */
export function auditPlugin(writer: AuditWriter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await writer.append(contextValue.identity, contextValue.requestId, contextValue.now, contextValue.audit.drafts());
          } catch {
            response.body = { kind: 'single', singleResult: { errors: [{ message: 'the audit trail could not be written; no data was released', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
          }
        },
      };
    },
  };
}
