import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { ReferenceResolvers } from '../../../kernel/schema';
import { canSeeUpward, upwardById } from '../access';
import { UpwardApplicationRow } from '../application.entity';
import { HOLDING_LEVELS } from '../route';
import { authorityStepOf, holderStepOf } from '../steps';
import { UpwardStepView } from './step.type';
import { upwardApplicationType } from './application.type';

/** What a level answers for an application it has no record of (or the caller may not see): no step. */
type Unknown = { id: string };
const known = (root: UpwardApplicationRow | Unknown): root is UpwardApplicationRow => root instanceof UpwardApplicationRow;

/**
 * The step fields a level adds to the entity — `countyStep`; `cityStep`, `cityHolderStep`;
 * `regionStep`, `regionHolderStep` — each owned by that level's subgraph and read from its database.
 */
export function stepResolvers(level: Level): Function[] {
  const Type = upwardApplicationType(level);
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver(() => Type)
  class AuthorityStepField {
    @FieldResolver(() => UpwardStepView, { name: name('{level}Step'), nullable: true, description: `The ${level.toLowerCase()} authority's step; null when the application has not reached it` })
    authorityStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): UpwardStepView | null {
      return known(root) ? authorityStepOf(ctx, root) : null;
    }
  }

  @Resolver(() => Type)
  class HolderStepField {
    @FieldResolver(() => UpwardStepView, { name: name('{level}HolderStep'), nullable: true, description: `The decision of a data source department on the ${level.toLowerCase()} platform (004 art. 23); null unless routed to one` })
    holderStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): Promise<UpwardStepView | null> | null {
      return known(root) ? holderStepOf(ctx, root) : null;
    }
  }

  return HOLDING_LEVELS.includes(level) ? [AuthorityStepField, HolderStepField] : [AuthorityStepField];
}

/**
 * The gateway asks every level on a chain for its steps, batched per level: one statement for all
 * the ids, whatever their number. A level the application never reached answers with no step.
 */
export const upwardReference: ReferenceResolvers = {
  UpwardApplication: {
    __resolveReference: async (reference: { id: string }, ctx: RequestContext): Promise<UpwardApplicationRow | Unknown> => {
      const row = await upwardById(ctx).load(reference.id);
      return row && canSeeUpward(ctx.identity, row) ? row : { id: reference.id };
    },
  },
};
