import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { validateArgument } from './graphql/validation';
import { shapeForLevel } from './graphql/level-sdl';
import type { Level } from './levels';

/** Federation spec version every subgraph links: v2.3+ for entity interfaces, v2.9 for the demand-control directives. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@shareable", "@requires", "@provides", "@inaccessible", "@cost", "@listSize"])\n`;

/** Reference resolvers keyed by entity type name: how a subgraph loads an entity from its key. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * The one place a type-graphql schema becomes a level's Federation 2 subgraph schema: build it,
 * print it with its directives (@key, @external, ...), shape it for the level (graphql/level-sdl.ts:
 * other levels' types as stubs, level-named mutations), and rebuild it with @apollo/subgraph so that
 * `_entities` and `_service` exist and reference resolvers are wired in.
 */
export async function buildFederatedSchema(
  level: Level,
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validateFn: validateArgument });
  const { document, renamedRootFields, stubTypes } = shapeForLevel(parse(FEDERATION_LINK + printSchemaWithDirectives(schema)), level);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [root, renames] of renamedRootFields) {
    const fields = resolvers[root] as Record<string, unknown> | undefined;
    if (fields) for (const [built, served] of renames) fields[served] = fields[built];
  }
  // Another level's entity declared here answers nothing but its key: the reference is the object.
  for (const typeName of stubTypes) resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: (reference: unknown) => reference } as GraphQLResolverMap<unknown>[string];
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: ownCopyOfKeptRow(reference.__resolveReference) } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs: document, resolvers });
}

/**
 * @apollo/subgraph marks each entity it resolves with its `__typename`, defined on the object itself.
 * A row kept across requests (db/kept-rows.ts) is shared and frozen, so the entity gets a
 * copy of its own: same class, same fields.
 */
function ownCopyOfKeptRow(resolve: ReferenceResolvers[string]['__resolveReference']): ReferenceResolvers[string]['__resolveReference'] {
  return async (reference, context, info) => {
    const entity = await resolve(reference, context, info);
    return entity !== null && typeof entity === 'object' && Object.isFrozen(entity) ? Object.assign(Object.create(Object.getPrototypeOf(entity)), entity) : entity;
  };
}
