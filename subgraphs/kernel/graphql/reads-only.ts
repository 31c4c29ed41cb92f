import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Marks a platform request whose operation is a query as one that only reads, once the operation is
 * known and before anything resolves: only then may its loaders share rows kept across requests
 * (kernel/db/kept-rows.ts). A mutation's loaders read the database for themselves.
 */
export function readsOnlyPlugin(): ApolloServerPlugin<{ readsOnly: boolean }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          contextValue.readsOnly = operation?.operation === 'query';
        },
      };
    },
  };
}
