import { LRUCache } from 'lru-cache';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, OperationDefinitionNode } from 'graphql';
import { CostModel, estimateCost } from './demand-control';

/** Estimates kept per operation: clients repeat the same operations with the same page sizes. */
const ESTIMATES_PER_OPERATION = 64;
const MAX_KEPT_VARIABLES_LENGTH = 512;

/**
 * Refuses, before planning or any subgraph call, an operation whose estimated cost (demand-control.ts)
 * exceeds `maxCost`: 400 with COST_ESTIMATED_TOO_EXPENSIVE, the estimate and the limit. Variables are
 * known here, so a page size passed as a variable costs what the same size written in the operation does.
 */
export function demandControlPlugin(options: { maxCost: number; model: CostModel }): ApolloServerPlugin<BaseContext> {
  // Apollo Server keeps parsed documents, so one operation is one node across requests.
  const estimates = new WeakMap<OperationDefinitionNode, LRUCache<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          let known = estimates.get(operation);
          if (!known) estimates.set(operation, (known = new LRUCache({ max: ESTIMATES_PER_OPERATION })));
          const key = JSON.stringify(variables);
          let cost = known.get(key);
          if (cost === undefined) {
            cost = estimateCost(schema, options.model, document, operation, variables);
            // Large variables (a mutation's input) are rarely sent twice: not worth keeping.
            if (key.length <= MAX_KEPT_VARIABLES_LENGTH) {
              known.set(key, cost);
            }
          }
          if (cost > options.maxCost) {
            throw new GraphQLError(
              `the operation's estimated cost ${cost} exceeds the limit of ${options.maxCost}: ask for smaller pages, or fewer lists inside lists (docs/security.md)`,
              { extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', cost, maxCost: options.maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
