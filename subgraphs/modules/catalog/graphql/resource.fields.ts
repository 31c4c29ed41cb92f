import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isPublic } from '../../../kernel/auth/caller';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { ListSize } from '../../../kernel/graphql/list-size';
import { AlsoAnsweredBy } from '../../../kernel/graphql/ownership';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { Jurisdiction } from '../../jurisdiction/jurisdiction.entity';
import { jurisdictionOf } from '../../jurisdiction/references';
import { canSee, derivedOpenType, derivedShareType } from '../catalog.service';
import { CatalogState, OpenType, ShareType } from '../enums';
import { CatalogIndexEntry } from '../index-entry.entity';
import { CatalogItem } from '../item.entity';
import { itemsOfResource, transitionsOfResource, versionsOfLineage } from '../loaders';
import { CatalogResourceRow } from '../resource.entity';
import { CatalogTransition } from '../transition.entity';
import { CatalogResource } from './types';

/** A resource as a field resolver gets it: the owner's row, or (at the region) the integrated index entry. */
type ResourceLike = CatalogResourceRow | CatalogIndexEntry;
const isIndexEntry = (resource: ResourceLike): resource is CatalogIndexEntry => 'indexState' in resource;

/** Fields of every level's resource, answered by the owning level; the share and open types and the registry links by the region too. */
@Resolver(() => CatalogResource)
export class CatalogResourceFields {
  @ListSize({ assumedSize: 50 })
  @FieldResolver(() => [CatalogItem], { nullable: true, description: 'Data items (信息项) with their share attributes, from the owning platform (null, with an error at its path, while that platform does not answer)' })
  async items(@Root() resource: CatalogResourceRow, @Ctx() ctx: RequestContext) {
    const items = await itemsOfResource(ctx).load(resource.id);
    // The open catalog lists what the public may have or apply for; the rest is on the open negative list.
    return isPublic(ctx) ? items.filter((item) => item.openType !== OpenType.NOT_OPEN) : items;
  }

  @FieldResolver(() => CatalogState, { nullable: true, description: 'Workflow state, from the owning platform (null while it does not answer)' })
  state(@Root() resource: CatalogResourceRow) {
    return resource.state;
  }

  @FieldResolver(() => ShareType, { description: 'Share type of the most shareable item' })
  @AlsoAnsweredBy('REGION')
  async shareType(@Root() resource: ResourceLike, @Ctx() ctx: RequestContext) {
    return isIndexEntry(resource) ? resource.shareType : derivedShareType(await itemsOfResource(ctx).load(resource.id));
  }

  @FieldResolver(() => OpenType, { description: 'Open type of the most open item' })
  @AlsoAnsweredBy('REGION')
  async openType(@Root() resource: ResourceLike, @Ctx() ctx: RequestContext) {
    return isIndexEntry(resource) ? resource.openType : derivedOpenType(await itemsOfResource(ctx).load(resource.id));
  }

  @FieldResolver(() => Jurisdiction)
  @AlsoAnsweredBy('REGION')
  jurisdiction(@Root() resource: ResourceLike, @Ctx() ctx: RequestContext) {
    return jurisdictionOf(ctx, resource.jurisdictionCode);
  }

  @FieldResolver(() => Agency, { description: 'The providing agency' })
  @AlsoAnsweredBy('REGION')
  provider(@Root() resource: ResourceLike, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, resource.providerUscc);
  }
}

/** The workflow of a level's own resources (004 art. 10-11), answered by that level. */
@Resolver(() => CatalogResource)
export class LevelResourceFields {
  @ListSize({ assumedSize: 20 })
  @FieldResolver(() => [CatalogTransition], { description: 'Every workflow step of this version: who, when, why' })
  transitions(@Root() resource: CatalogResourceRow, @Ctx() ctx: RequestContext) {
    return transitionsOfResource(ctx).load(resource.id);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While SUBMITTED: when the authority must decide (004 art. 11)' })
  review(@Root() resource: CatalogResourceRow, @Ctx() ctx: RequestContext) {
    return resource.state === CatalogState.SUBMITTED && resource.submittedAt ? deadlineView(ctx, 'CATALOG_APPROVAL', resource.jurisdictionCode, resource.submittedAt) : null;
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'For a revision not yet submitted: when the agency must have updated its catalog (004 art. 11)' })
  updateDeadline(@Root() resource: CatalogResourceRow, @Ctx() ctx: RequestContext) {
    const pending = resource.state === CatalogState.DRAFT || resource.state === CatalogState.RETURNED;
    return pending && resource.revisionTriggeredAt ? deadlineView(ctx, 'CATALOG_UPDATE', resource.jurisdictionCode, resource.revisionTriggeredAt) : null;
  }

  @ListSize({ assumedSize: 10 })
  @FieldResolver(() => [CatalogResource], { description: 'All versions of this resource the caller may see, oldest first' })
  async versions(@Root() resource: CatalogResourceRow, @Ctx() ctx: RequestContext) {
    return (await versionsOfLineage(ctx).load(resource.lineageId)).filter((version) => canSee(ctx, version));
  }
}
