import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { OperationDefinitionNode, parse } from 'graphql';
import { costModelOf, estimateCost } from '../../gateway/demand-control';

const supergraphSdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const model = costModelOf(supergraphSdl);

/** What the gateway estimates an operation costs, from the committed supergraph. */
export function estimatedCost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return estimateCost(apiSchema, model, document, operation, variables);
}

export { supergraphSdl };
