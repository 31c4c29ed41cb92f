import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelId } from '../../../kernel/graphql/global-id';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { CatalogResource } from '../../catalog/graphql/types';
import { resourceById } from '../../catalog/loaders';
import { Platform } from '../../platform/platform.type';
import { AccessExplanation, explainAccess, ItemExplanation } from '../explain.service';

@ObjectType('ItemAccessExplanation', { description: 'The decision the live path would make for one item, the rule it rests on, and what would change it' })
@Directive('@shareable')
class ItemAccessExplanation implements ItemExplanation {
  @Field() item: string;
  @Field() shareType: string;
  @Field(() => String, { description: 'ALLOW, ALLOW_MASKED or DENY' }) effect: ItemExplanation['effect'];
  @Field(() => String, { nullable: true, description: 'Why it is denied (the reason the live path gives)' }) reason: ItemExplanation['reason'];
  @Field(() => ID, { nullable: true, description: 'The grant (or application) the decision rests on' }) grantId: string | null;
  @Field({ description: 'The article the decision rests on' }) article: string;
  @Field(() => String, { nullable: true, description: 'What would change the decision' }) remedy: string | null;
}

@ObjectType('AccessExplanation', { description: 'A dry run of field-level enforcement: no value is read, no access recorded' })
@Directive('@shareable')
class AccessExplanationType {
  @Field(() => String, { nullable: true }) purpose: string | null;
  @ListSize({ assumedSize: 50 }) @Field(() => [ItemAccessExplanation]) items: ItemExplanation[];
}

@Resolver(() => Platform)
export class PlatformExplain {
  @FieldResolver(() => AccessExplanationType, {
    nullable: true,
    description: "Why an agency may or may not have each item of this platform's resource, decided by the same policy code as every read (004 art. 21-23, 50); for the agency itself and the authorities over it",
  })
  explainAccess(
    @Arg('agency', () => ID) agency: string,
    @Arg('resource', () => ID) resource: string,
    @Arg('items', () => [String], { nullable: true, description: 'All items of the resource when left out' }) items: string[] | null,
    @Arg('purpose', () => String, { nullable: true, description: 'The scenario or grant id the read would state' }) purpose: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessExplanation> {
    return explainAccess(ctx, agency, resource, items ?? null, purpose ?? null);
  }
}

@Resolver(() => AccessExplanationType)
export class AccessExplanationFields {
  @FieldResolver(() => Agency)
  agency(@Root() explanation: AccessExplanation, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, explanation.agencyUscc);
  }

  @FieldResolver(() => CatalogResource)
  resource(@Root() explanation: AccessExplanation, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(explanation.resourceId);
  }
}

@Resolver(() => ItemAccessExplanation)
export class ItemExplanationFields {
  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the grant or application the decision rests on' })
  grantId(@Root() item: ItemExplanation, @Ctx() ctx: RequestContext) {
    if (!item.grantId) return null;
    return levelId(ctx.level, item.reason === 'GRANT_PENDING' ? 'ShareApplication' : 'ShareGrant', item.grantId);
  }
}
