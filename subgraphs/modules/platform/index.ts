import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { findDivision } from '../../kernel/divisions';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { Level, SUBGRAPH_NAME } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity';
import { entityRef } from '../../kernel/graphql/entity-ref';
import { LevelPlatform } from './level-platform.type';

const FIELD_NAME: Record<Level, string> = { REGION: 'regionPlatform', CITY: 'cityPlatform', COUNTY: 'countyPlatform' };

/**
 * Each level's subgraph adds one field to Jurisdiction naming the platform it runs for that division
 * (regionPlatform / cityPlatform / countyPlatform), or null when the division is not of its level.
 * The region extends its own Jurisdiction type; the other levels extend it by key.
 */
const built = new Map<Level, PlatformModule>();

export function platformModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const owner = level === 'REGION' ? Jurisdiction : entityRef('Jurisdiction', 'code', level);

  @Resolver(() => owner)
  class LevelPlatformResolver {
    @FieldResolver(() => LevelPlatform, { name: FIELD_NAME[level], nullable: true, description: `The ${level.toLowerCase()}-level platform serving this division` })
    platform(@Root() jurisdiction: { code: string }, @Ctx() ctx: RequestContext): LevelPlatform | null {
      const division = findDivision(jurisdiction.code);
      if (!division || division.level !== ctx.level) return null;
      return { level: division.level as PlatformLevel, name: `${division.name}公共数据平台`, subgraph: SUBGRAPH_NAME[ctx.level] };
    }
  }

  const module: PlatformModule = {
    name: 'platform',
    entities: [],
    resolvers: [LevelPlatformResolver],
    orphanedTypes: level === 'REGION' ? [] : [owner],
  };
  built.set(level, module);
  return module;
}
