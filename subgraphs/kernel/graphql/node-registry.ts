import type { RequestContext } from '../context';
import { Level, LEVELS, levelType } from '../levels';

/**
 * A type whose objects a client can fetch by global id: its GraphQL class, the level whose subgraph
 * answers it, and how that level loads one — null when there is none or the caller may not see it.
 */
export interface NodeType {
  typeName: string;
  owner: Level;
  type: Function;
  load: (ctx: RequestContext, localId: string) => Promise<object | null>;
}

/** The same concept at each level (CityShareApplication, …), loaded the same way by each. */
export function levelNodeTypes(concept: string, types: Partial<Record<Level, Function>>, load: NodeType['load']): NodeType[] {
  return LEVELS.flatMap((level) => (types[level] ? [{ typeName: levelType(level, concept), owner: level, type: types[level]!, load }] : []));
}

const registry = new Map<string, NodeType>();

/** Called with every module's node types when a level's schema is built (kernel/server). */
export function registerNodeTypes(types: readonly NodeType[]): void {
  for (const type of types) registry.set(type.typeName, type);
}

export const nodeTypeNamed = (typeName: string): NodeType | null => registry.get(typeName) ?? null;
