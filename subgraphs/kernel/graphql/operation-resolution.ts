import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Says what is wrong with a request that names no operation to run, before anything plans or runs it:
 * an operationName the document does not define, or a document of several operations and no name,
 * is OPERATION_RESOLUTION_FAILURE; a subscription is a validation failure (neither the gateway nor a
 * platform serves them). Left to them, the gateway's planner and graphql-js answer these as 500.
 */
export function operationResolutionPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : 'The document holds several operations: name the one to run in operationName.';
            throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
          }
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not served; ask with a query.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
