import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { subtreePrefix } from '../../kernel/identifiers';
import { CatalogState, ShareType } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { CatalogResourceRow } from '../catalog/resource.entity';

/** 负面清单 entry: a data item that is not shared, with why and on what legal basis (004 art. 20-21). */
@ObjectType('NegativeListEntry', { description: '负面清单: a NOT_SHARED data item of a published catalog resource (004 art. 20-21)' })
@Directive('@shareable')
export class NegativeListEntry {
  /** The resource the item belongs to (`resource`). */
  resourceId: string;
  /** The item's place in its resource (the list's order). */
  itemPosition: number;
  @Field() resourceCode: string;
  @Field() resourceName: string;
  @Field(() => ID) jurisdictionCode: string;
  @Field(() => ID, { description: '数源部门 of the resource' }) sourceDepartmentUscc: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => String, { nullable: true, description: 'Why the item is not shared' }) shareReason: string | null;
  @Field(() => String, { nullable: true }) legalBasis: string | null;
}

/**
 * The NOT_SHARED items of this platform's published catalog in a jurisdiction and the divisions
 * below it, read in one query over catalog_item joined to catalog_resource.
 */
export async function negativeList(ctx: RequestContext, jurisdictionCode: string | null): Promise<NegativeListEntry[]> {
  const qb = ctx.db
    .getRepository(CatalogItem)
    .createQueryBuilder('item')
    .innerJoin(CatalogResourceRow, 'resource', 'resource.id = item.resourceId')
    .select('resource.id', 'resourceId')
    .addSelect('resource.code', 'resourceCode')
    .addSelect('resource.name', 'resourceName')
    .addSelect('resource.jurisdictionCode', 'jurisdictionCode')
    .addSelect('resource.sourceDepartmentUscc', 'sourceDepartmentUscc')
    .addSelect('item.code', 'itemCode')
    .addSelect('item.name', 'itemName')
    .addSelect('item.position', 'itemPosition')
    .addSelect('item.shareType', 'shareType')
    .addSelect('item.shareReason', 'shareReason')
    .addSelect('item.legalBasis', 'legalBasis')
    .where('item.shareType = :notShared', { notShared: ShareType.NOT_SHARED })
    .andWhere('resource.state = :published', { published: CatalogState.PUBLISHED })
    .orderBy('resource.code', 'ASC')
    .addOrderBy('item.position', 'ASC');
  if (jurisdictionCode) qb.andWhere('resource.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(jurisdictionCode)}%` });
  return qb.getRawMany<NegativeListEntry>();
}
