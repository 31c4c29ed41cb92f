import type { GraphQLResolveInfo } from 'graphql';
import { Directive, Field, FieldResolver, ID, Info, InterfaceType, Resolver, Root } from 'type-graphql';
import { globalId } from './global-id';

/**
 * Relay's Node: anything a client can fetch again by its `id`. The region serves `node(id)`, and so
 * declares every implementation (kernel/schema.ts keeps the interface where `node` is served).
 */
@InterfaceType('Node', {
  autoRegisterImplementations: false,
  description: 'An object with a global id: node(id) fetches it again from the level that holds it',
  // What `node` answers says which type it is (modules/directory).
  resolveType: (value: { __typename?: string }) => value.__typename,
})
@Directive('@key(fields: "id")')
export abstract class Node {
  @Field(() => ID, { description: 'Global id: names the type and the record' })
  id: string;
}

/** What a reference to a node carries: its global id, already made. */
export interface NodeReference {
  globalId: string;
}

/**
 * The `id` a Node answers: a reference already carries its global id; a row carries its own id,
 * made global with the concrete type being resolved — so one resolver serves every level's type.
 */
export function nodeId(root: { id: string } | NodeReference, info: GraphQLResolveInfo): string {
  const given = (root as Partial<NodeReference>).globalId;
  return typeof given === 'string' ? given : globalId(info.parentType.name, (root as { id: string }).id);
}

/** Answers `id` for every Node type of every level: one resolver, mounted by every subgraph. */
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID, { description: 'Global id: names the type and the record' })
  id(@Root() root: { id: string } | NodeReference, @Info() info: GraphQLResolveInfo): string {
    return nodeId(root, info);
  }
}
