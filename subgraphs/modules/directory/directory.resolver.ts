import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { badInput, notFound } from '../../kernel/errors';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { decodeGlobalId } from '../../kernel/graphql/global-id';
import { ProvidesCopies } from '../../kernel/graphql/ownership';
import { ListSize } from '../../kernel/graphql/list-size';
import { Node } from '../../kernel/graphql/node';
import { nodeTypeNamed } from '../../kernel/graphql/node-registry';
import { Level, LEVELS } from '../../kernel/levels';
import { Agency } from '../agency/agency.entity';
import { agencyByUscc } from '../agency/agency.loaders';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity';
import { jurisdictionByCode } from '../jurisdiction/jurisdiction.loaders';
import { Platform, platformOf, PlatformRow } from '../platform/platform.type';

/** At most this many ids in one `nodes` call (a page of any connection fits). */
const MAX_NODES = 200;

@ObjectType({ description: 'Who is asking: the user, the agency it acts for and what the registry says of it' })
class Viewer {
  @Field({ description: 'The user (token subject)' }) sub: string;
  @Field(() => [String], { description: 'Roles the token grants and the registry allows' }) roles: string[];
  @Field(() => PlatformLevel, { description: "The agency's level" }) level: Level;
  agencyUscc: string;
  jurisdictionCode: string;
}

/**
 * What a node id stands for, as the region answers it: exactly what `_entities` would answer for it
 * here — its own records loaded with their visibility checks, another level's a reference the
 * gateway takes to that level (with the fields this level adds to it). No lookup decides where a node
 * lives: its id names its type, and its type names its level.
 */
async function resolveNode(ctx: RequestContext, info: GraphQLResolveInfo, id: string, field: string): Promise<object | null> {
  const decoded = decodeGlobalId(id);
  const type = decoded && nodeTypeNamed(decoded.typeName);
  if (!decoded || !type) throw badInput(field, `'${id.slice(0, 80)}' is not an id this API issued`);
  const resolveReference = (info.schema.getType(type.typeName)?.extensions as { apollo?: { subgraph?: { resolveReference?: Function } } })?.apollo?.subgraph?.resolveReference;
  const resolved = resolveReference ? await resolveReference({ __typename: type.typeName, id }, ctx, info) : { id: decoded.localId };
  // The object keeps its class (getters and all); the one in front of it says which type it is.
  return resolved && Object.create(resolved, { __typename: { value: type.typeName }, globalId: { value: id } });
}

/**
 * The entry points of the whole API (issue 13): the three platforms, any node by id, the caller.
 * Served by the region, which holds the registries and declares every level's node types.
 */
@Resolver()
export class DirectoryQueries {
  @ListSize({ assumedSize: 3 })
  @Query(() => [Platform], { description: "The three levels' platforms: region, city, county" })
  @ProvidesCopies()
  platforms(): PlatformRow[] {
    return LEVELS.map(platformOf);
  }

  @Query(() => Platform, { description: "One level's platform" })
  @ProvidesCopies()
  platform(@Arg('level', () => PlatformLevel) level: Level): PlatformRow {
    return platformOf(level);
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global id, from the level that holds it; null (with NOT_FOUND) when there is none or the caller may not see it' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<object | null> {
    const node = await resolveNode(ctx, info, id, 'id');
    if (!node) throw notFound(`id: no ${decodeGlobalId(id)!.typeName} ${id} that you may see`, { field: 'id' });
    return node;
  }

  @ListSize({ assumedSize: MAX_NODES })
  @Query(() => [Node], { nullable: 'items', description: `Objects by global id, in the order asked (at most ${MAX_NODES}); null for each one not found or not visible` })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput('ids', `at most ${MAX_NODES} ids`);
    return Promise.all(ids.map((id, i) => resolveNode(ctx, info, id, `ids[${i}]`)));
  }

  @Query(() => Viewer, { description: 'The caller, as the registry knows it' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const me = ctx.identity;
    return Object.assign(new Viewer(), { sub: me.sub, roles: [...me.roles], level: me.level, agencyUscc: me.agency, jurisdictionCode: me.jurisdiction });
  }
}

@Resolver(() => Viewer)
export class ViewerFields {
  @FieldResolver(() => Agency)
  async agency(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await agencyByUscc(ctx).load(viewer.agencyUscc))!;
  }

  @FieldResolver(() => Jurisdiction)
  async jurisdiction(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Jurisdiction> {
    return (await jurisdictionByCode(ctx).load(viewer.jurisdictionCode))!;
  }

  @FieldResolver(() => Platform, { description: "The platform of the caller's own level, where it applies, files and lists first" })
  platform(@Root() viewer: Viewer): PlatformRow {
    return platformOf(viewer.level);
  }
}

@Resolver(() => Jurisdiction)
export class JurisdictionPlatform {
  @FieldResolver(() => Platform, { description: "The platform of this division's level" })
  platform(@Root() jurisdiction: Jurisdiction): PlatformRow {
    return platformOf(jurisdiction.level);
  }
}
