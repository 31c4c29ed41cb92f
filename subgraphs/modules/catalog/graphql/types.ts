import { Directive, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Node } from '../../../kernel/graphql/node';
import { AlsoAnsweredBy, OwnedBy, ProvidesCopies } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { Level, levelType } from '../../../kernel/levels';
import type { ShareScope } from '../../../kernel/policy';
import { BasicDatabase, DataForm, UpdateFrequency } from '../enums';

@ObjectType('ShareScope', { description: '共享范围 (004 art. 10 ¶4): the agencies a resource is shared with; a condition that is null does not restrict' })
@Directive('@shareable')
export class ShareScopeView implements ShareScope {
  @Field(() => [PlatformLevel], { nullable: true, description: 'Agencies of these levels only' }) levels: Level[] | null;
  @Field(() => ID, { nullable: true, description: 'Agencies in this division or below it only' }) jurisdictionCode: string | null;
  @Field(() => [ID], { nullable: true, description: 'These agencies (USCC) only' }) agencies: string[] | null;
}

/**
 * A data resource (数据资源) of any level, in the integrated three-level catalog (004 art. 10): one
 * entity interface, one type per level (RegionResource, CityResource, CountyResource), each answered
 * by the platform that owns it. The summary is also answered by the region from its integrated index
 * (federation-notes.md): a catalog page is one fetch there, plus one per level for what only the
 * owner holds (items, state, the workflow).
 */
@InterfaceType('CatalogResource', {
  implements: Node,
  autoRegisterImplementations: false,
  description: 'A data resource (数据资源) of any level in the integrated three-level catalog',
  resolveType: (resource: { level: Level }) => levelType(resource.level, 'Resource'),
})
@Directive('@key(fields: "id")')
export abstract class CatalogResource extends Node {
  @Field({ description: 'Catalog code, unique per version' })
  @AlsoAnsweredBy('REGION')
  code: string;

  @Field()
  @AlsoAnsweredBy('REGION')
  name: string;

  @Field()
  @AlsoAnsweredBy('REGION')
  summary: string;

  @Field(() => PlatformLevel, { description: 'Level of the platform that owns the resource' })
  @AlsoAnsweredBy('REGION')
  level: Level;

  @Field(() => Int)
  @AlsoAnsweredBy('REGION')
  version: number;

  @Field(() => ID)
  @AlsoAnsweredBy('REGION')
  jurisdictionCode: string;

  @Field(() => ID, { description: 'USCC of the providing agency' })
  @AlsoAnsweredBy('REGION')
  providerUscc: string;

  @Field(() => Date, { nullable: true })
  @AlsoAnsweredBy('REGION')
  publishedAt: Date | null;

  // What only the owning level holds: the full description and the workflow.
  @Field(() => ID, { description: 'Shared by every version of this resource' }) lineageId: string;
  @Field(() => DataForm) dataForm: DataForm;
  @Field() format: string;
  @Field(() => UpdateFrequency) updateFrequency: UpdateFrequency;
  @Field(() => BasicDatabase, { nullable: true, description: 'The basic database (004 art. 18) this resource belongs to' }) basicDatabase: BasicDatabase | null;
  @Field(() => ShareScopeView, { nullable: true, description: '共享范围 (004 art. 10 ¶4): null when the resource is shared with every agency' }) shareScope: ShareScope | null;
  @Field(() => ID, { description: '数源部门: the agency that legally collects the data' }) sourceDepartmentUscc: string;
  @Field(() => ID, { nullable: true }) collectingDepartmentUscc: string | null;
  @Field(() => ID, { nullable: true }) approvingDepartmentUscc: string | null;
  @Field(() => String, { nullable: true, description: 'Why this version was started (legal basis or duties changed)' }) revisionTrigger: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('RegionResource', { implements: [CatalogResource, Node], description: "A resource of the region's catalog" })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionResource extends CatalogResource {}

@ObjectType('CityResource', { implements: [CatalogResource, Node], description: "A resource of a league's or city's catalog, held by the city platform" })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityResource extends CatalogResource {}

@ObjectType('CountyResource', { implements: [CatalogResource, Node], description: "A resource of a banner's or county's catalog, held by the county platform" })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyResource extends CatalogResource {}

export const RESOURCE_TYPES: Record<Level, Function> = { REGION: RegionResource, CITY: CityResource, COUNTY: CountyResource };

@ObjectType()
@Directive('@shareable')
export class CatalogResourceEdge {
  @Field() cursor: string;
  @Field(() => CatalogResource) @ProvidesCopies() node: unknown;
}

@ObjectType({ description: 'A page of catalog resources (Relay cursor connection)' })
@Directive('@shareable')
export class CatalogResourceConnection {
  @ListSize({ assumedSize: 200 })
  @Field(() => [CatalogResourceEdge]) edges: CatalogResourceEdge[];
  @ListSize({ assumedSize: 200 })
  @Field(() => [CatalogResource]) @ProvidesCopies() nodes: unknown[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Resources matching, all pages' }) totalCount: number;
}
