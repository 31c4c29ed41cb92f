import { Directive, Mutation, Query } from 'type-graphql';
import type { AdvancedOptions, ReturnTypeFunc } from 'type-graphql/build/typings/decorators/types';
import type { Level } from '../levels';

/*
 * Federation routes by type: a level's records are types of that level (CityShareApplication), and
 * the level's subgraph answers their fields. Other subgraphs still declare such a type where they
 * refer to it — the region for `node`, every level for the entity interfaces it implements — and
 * there it is a stub: its key, plus the fields its interfaces require, marked @external. One class
 * serves both; these markers say whose it is, and kernel/schema.ts shapes each level's SDL from them.
 */

/** The type's fields (or one field's) are answered by this level's subgraph; elsewhere they are external or absent. */
export const OwnedBy = (level: Level) => Directive(`@ownedBy(level: ${level})`);

/**
 * The field is answered by the type's own level, and by this one too from its own copy — but only
 * where it lists such objects itself (ProvidesCopies): the region's integrated catalog holds every
 * level's published resource summaries, not their drafts. Federation's @provides says exactly that.
 */
export const AlsoAnsweredBy = (level: Level) => Directive(`@alsoAnsweredBy(level: ${level})`);

/** The objects this field lists carry the copies this level keeps (AlsoAnsweredBy): @provides them. */
export const ProvidesCopies = () => Directive('@providesCopies');

/**
 * A root mutation belongs to one subgraph, so one written once for every level is named after the
 * level that serves it: `apply{Level}Share` is applyCityShare in the city's subgraph.
 */
export function LevelMutation(returnType: ReturnTypeFunc, options: AdvancedOptions & { pattern: string }): MethodDecorator {
  return levelNamed(Mutation, returnType, options);
}

/** The same for the platform-internal queries one level serves another (reflow pulls). */
export function LevelQuery(returnType: ReturnTypeFunc, options: AdvancedOptions & { pattern: string }): MethodDecorator {
  return levelNamed(Query, returnType, options);
}

function levelNamed(root: typeof Query | typeof Mutation, returnType: ReturnTypeFunc, { pattern, ...rest }: AdvancedOptions & { pattern: string }): MethodDecorator {
  const field = root(returnType, { ...rest, name: pattern.replace('{Level}', 'Level').replace('{level}', 'level') });
  const named = Directive(`@levelNamed(pattern: "${pattern}")`);
  return (target, key, descriptor) => {
    field(target, key, descriptor);
    named(target, key, descriptor);
  };
}
