import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { KnownOperation } from './known-operations';

/*
 * Warming a gateway before it takes traffic: the operations the platform's own clients send
 * (known-operations.ts) are parsed, validated and planned once at start, so that their first caller
 * does not pay for it, and the planner's code is compiled before any caller arrives.
 */

/** Marks a warm-up request in its context: planned and cached, never sent to a subgraph. */
const PLAN_ONLY = Symbol('plan only');
const PLANNED_ONLY = 'warm-up: planned, not executed';
const PLANNED_ONLY_CODE = 'WARM_UP_PLANNED';

/** A coded error, so that no formatting of internal errors (production) hides what it is. */
class PlannedOnly extends GraphQLError {
  constructor() {
    super(PLANNED_ONLY, { extensions: { code: PLANNED_ONLY_CODE } });
  }
}

/** For ApolloGateway's `experimental_didResolveQueryPlan`: ends a warm-up request once its plan is in the cache. */
export const stopWarmUpAfterPlanning: Experimental_DidResolveQueryPlanCallback = ({ requestContext }) => {
  if ((requestContext.context as Record<symbol, unknown>)[PLAN_ONLY]) throw new PlannedOnly();
};

/**
 * Runs each operation through Apollo Server up to its query plan. Returns the operations that did not
 * get there (no longer valid against the supergraph, for instance), so that the caller can say so.
 */
export async function warmUp<C extends BaseContext>(apollo: ApolloServer<C>, operations: readonly KnownOperation[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { name, query, variables } of operations) {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: { [PLAN_ONLY]: true } as unknown as C });
    const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
    if (!errors.some((e) => e.extensions?.code === PLANNED_ONLY_CODE)) failed.push(`${name}: ${errors.map((e) => e.message).join('; ') || 'was executed'}`);
  }
  return failed;
}
