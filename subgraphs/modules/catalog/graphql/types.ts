import { Directive, Field, InterfaceType, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { Level } from '../../../kernel/levels';
import { CatalogState, OpenType, ShareType } from '../enums';
import { CatalogItem } from '../item.entity';
import { Agency } from '../../agency/agency.entity';
import { Jurisdiction } from '../../jurisdiction/jurisdiction.entity';
import { declareDetailFields, declareKey, declareSummaryFields } from './fields';
import { ListSize } from '../../../kernel/graphql/list-size';

export const RESOURCE_TYPE_NAME: Record<Level, string> = { REGION: 'RegionResource', CITY: 'CityResource', COUNTY: 'CountyResource' };

/**
 * The integrated catalog's entity interface, defined by the region (federation-notes.md): one
 * implementing entity per level, keyed by id. `items` and `state` are answered by the owning level.
 */
@InterfaceType('CatalogResource', {
  description: 'A data resource (数据资源) of any level in the integrated three-level catalog',
  resolveType: (value: { level: Level }) => RESOURCE_TYPE_NAME[value.level],
})
@Directive('@key(fields: "id")')
export abstract class CatalogResourceInterface {
  id: string;
  level: PlatformLevel;

  @Field(() => ShareType, { description: 'Share type of the most shareable item' })
  shareType: ShareType;

  @Field(() => OpenType, { description: 'Open type of the most open item' })
  openType: OpenType;

  @ListSize({ assumedSize: 50 })
  @Field(() => [CatalogItem], { nullable: true, description: 'Data items (信息项) with their share attributes, from the owning platform (null, with an error at its path, while that platform does not answer)' })
  items: CatalogItem[];

  @Field(() => CatalogState, { nullable: true, description: 'Workflow state, from the owning platform (null while it does not answer)' })
  state: CatalogState;

  @Field(() => Jurisdiction)
  jurisdiction: Jurisdiction;

  @Field(() => Agency, { description: 'The providing agency' })
  provider: Agency;
}
declareKey(CatalogResourceInterface);
declareSummaryFields(CatalogResourceInterface, false);

const ownTypes = new Map<Level, Function>();
const regionViews = new Map<Level, Function>();

/**
 * The full type of a level's own resources, as that level's subgraph serves it (e.g. CityResource
 * in the city subgraph). The region's type also implements the interface.
 */
export function ownResourceType(level: Level): Function {
  let type = ownTypes.get(level);
  if (type) return type;
  const Own = class {};
  Object.defineProperty(Own, 'name', { value: `${RESOURCE_TYPE_NAME[level]}Own` });
  declareKey(Own);
  declareSummaryFields(Own, true);
  declareDetailFields(Own);
  Directive('@key(fields: "id")')(Own);
  ObjectType(RESOURCE_TYPE_NAME[level], level === 'REGION' ? { implements: CatalogResourceInterface } : {})(Own);
  ownTypes.set(level, Own);
  return Own;
}

/**
 * How the region sees a lower level's resource: its summary from the index; `items` and `state`
 * are external, resolved by the owning level through `_entities`.
 */
export function regionViewOf(level: Exclude<Level, 'REGION'>): Function {
  let type = regionViews.get(level);
  if (type) return type;
  const View = class {};
  Object.defineProperty(View, 'name', { value: `${RESOURCE_TYPE_NAME[level]}RegionView` });
  declareKey(View);
  declareSummaryFields(View, true);
  for (const [name, typeFn] of [['shareType', () => ShareType], ['openType', () => OpenType]] as const) {
    Reflect.defineMetadata('design:type', String, View.prototype, name);
    Field(typeFn)(View.prototype, name);
    Directive('@shareable')(View.prototype, name);
  }
  for (const [name, typeFn, reflected] of [['items', () => [CatalogItem], Array], ['state', () => CatalogState, String]] as const) {
    Reflect.defineMetadata('design:type', reflected, View.prototype, name);
    Field(typeFn, { nullable: true })(View.prototype, name);
    Directive('@external')(View.prototype, name);
  }
  Directive('@key(fields: "id")')(View);
  ObjectType(RESOURCE_TYPE_NAME[level], { implements: CatalogResourceInterface })(View);
  regionViews.set(level, View);
  return View;
}
