import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { decodeGlobalId } from '../../../kernel/graphql/global-id';
import { OwnedBy } from '../../../kernel/graphql/ownership';
import { Level, levelType } from '../../../kernel/levels';
import { ReferenceResolvers } from '../../../kernel/schema';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { canSeeUpward, upwardById } from '../access';
import { UpwardApplicationRow } from '../application.entity';
import { authorityStepOf, holderStepOf } from './steps';
import { CountyUpwardApplication, UpwardApplication } from './application.type';
import { UpwardStepView } from './step.type';

/** What a level answers for an application it has no record of (or the caller may not see): no step. */
type Unknown = { id: string; requesterLevel: Level };
const known = (root: UpwardApplicationRow | Unknown): root is UpwardApplicationRow => root instanceof UpwardApplicationRow;

/** Links of the filed facts, answered by the requester's level. */
@Resolver(() => UpwardApplication)
export class UpwardApplicationLinks {
  @FieldResolver(() => CatalogResource, { nullable: true, description: 'The resource asked for, answered by the level that holds it' })
  resource(@Root() row: UpwardApplicationRow, @Ctx() ctx: RequestContext) {
    return row.resourceLevel === ctx.level ? resourceById(ctx).load(row.resourceId) : { id: row.resourceId, level: row.resourceLevel };
  }

  @FieldResolver(() => Agency, { description: 'The requesting agency' })
  requester(@Root() row: UpwardApplicationRow, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, row.requesterUscc);
  }
}

/*
 * The steps: each level adds its own, read from its own database — the county's authority, the
 * city's authority and (as holder) its department, the region's likewise. A level the application
 * never reached answers null.
 */

@Resolver(() => CountyUpwardApplication)
export class CountyStep {
  @FieldResolver(() => UpwardStepView, { nullable: true, description: "The county authority's step" })
  @OwnedBy('COUNTY')
  countyStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): UpwardStepView | null {
    return known(root) ? authorityStepOf(ctx, root) : null;
  }
}

@Resolver(() => UpwardApplication)
export class CitySteps {
  @FieldResolver(() => UpwardStepView, { nullable: true, description: "The city authority's step; null when the application has not reached it" })
  @OwnedBy('CITY')
  cityStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): UpwardStepView | null {
    return known(root) ? authorityStepOf(ctx, root) : null;
  }

  @FieldResolver(() => UpwardStepView, { nullable: true, description: 'The decision of a data source department on the city platform (004 art. 23); null unless routed to one' })
  @OwnedBy('CITY')
  cityHolderStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): Promise<UpwardStepView | null> | null {
    return known(root) ? holderStepOf(ctx, root) : null;
  }
}

@Resolver(() => UpwardApplication)
export class RegionSteps {
  @FieldResolver(() => UpwardStepView, { nullable: true, description: "The region authority's step; null when the application has not reached it" })
  @OwnedBy('REGION')
  regionStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): UpwardStepView | null {
    return known(root) ? authorityStepOf(ctx, root) : null;
  }

  @FieldResolver(() => UpwardStepView, { nullable: true, description: 'The decision of a data source department on the region platform (004 art. 23); null unless routed to one' })
  @OwnedBy('REGION')
  regionHolderStep(@Root() root: UpwardApplicationRow | Unknown, @Ctx() ctx: RequestContext): Promise<UpwardStepView | null> | null {
    return known(root) ? holderStepOf(ctx, root) : null;
  }
}

/**
 * The gateway asks every level on a route for its step, batched per level: one statement for all the
 * ids. The requester's level answers the application itself, or null when the caller may not see it;
 * a level on the route answers its step, or no step when the application never reached it.
 */
function upwardReference(requesterLevel: Level) {
  const typeName = levelType(requesterLevel, 'UpwardApplication');
  return {
    __resolveReference: async (reference: { id: string }, ctx: RequestContext): Promise<UpwardApplicationRow | Unknown | null> => {
      const decoded = decodeGlobalId(reference.id);
      if (decoded?.typeName !== typeName) return null;
      const row = await upwardById(ctx).load(decoded.localId);
      if (row && canSeeUpward(ctx.identity, row)) return row;
      return ctx.level === requesterLevel ? null : { id: decoded.localId, requesterLevel };
    },
  };
}

export const upwardReferences: ReferenceResolvers = {
  CountyUpwardApplication: upwardReference('COUNTY'),
  CityUpwardApplication: upwardReference('CITY'),
};
