import { Directive, Field, InterfaceType, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { AlsoAnsweredBy, OwnedBy } from '../../kernel/graphql/ownership';
import { Node } from '../../kernel/graphql/node';
import { isLevel, Level, LEVEL_FACTS, levelType } from '../../kernel/levels';

/** What a platform object is before its fields are answered: its level (also its local id). */
export interface PlatformRow {
  id: Level;
  level: Level;
  name: string;
}

export const platformOf = (level: Level): PlatformRow => ({ id: level, level, name: LEVEL_FACTS[level].platformName });

export const platformById = async (localId: string): Promise<PlatformRow | null> => (isLevel(localId) ? platformOf(localId) : null);

/**
 * One level's public data platform — the way into everything it holds: its catalog, the applications,
 * grants and suspensions it keeps, its lists, reflow, audit trail and calendar. Each level's subgraph
 * answers its own platform's fields; every module adds its fields once, for all three (scope as a
 * parent object: `platform(level: CITY) { shareApplications(role: APPLICANT) { … } }`). Those fields are
 * nullable: a level that does not answer, or refuses one list, leaves a null with its error there, and
 * `platforms { … }` still brings every other level's answer.
 */
@InterfaceType('Platform', {
  implements: Node,
  autoRegisterImplementations: false,
  description: "A level's public data platform (自治区 / 盟市 / 旗县公共数据平台) and what it holds",
  resolveType: (platform: PlatformRow) => levelType(platform.level, 'Platform'),
})
@Directive('@key(fields: "id")')
export abstract class Platform extends Node {
  // The region, which lists the platforms, knows what each one is: a level that does not answer still has a level and a name.
  @Field(() => PlatformLevel)
  @AlsoAnsweredBy('REGION')
  level: Level;

  @Field({ description: 'e.g. 盟市公共数据平台' })
  @AlsoAnsweredBy('REGION')
  name: string;
}

/*
 * What a platform holds besides what every platform holds: typed records of its basic databases.
 * Declared here as capabilities of the level types; the records module gives them their fields.
 */

@InterfaceType('PersonRegister', { autoRegisterImplementations: false, description: 'A platform holding natural-person records (人口基础信息库, 004 art. 18)' })
export abstract class PersonRegister {}

@InterfaceType('LegalPersonRegister', { autoRegisterImplementations: false, description: 'A platform holding legal-person records (法人基础信息库, 004 art. 18)' })
export abstract class LegalPersonRegister {}

@InterfaceType('AssistanceRoll', { autoRegisterImplementations: false, description: 'A platform holding the social assistance roll (救助名册) of its banners and counties' })
export abstract class AssistanceRoll {}

@ObjectType('RegionPlatform', { implements: [Platform, Node, PersonRegister, LegalPersonRegister], description: "The autonomous region's platform: the registries, the integrated catalog, the region's data" })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionPlatform extends Platform {}

@ObjectType('CityPlatform', { implements: [Platform, Node, PersonRegister, LegalPersonRegister], description: 'The league/city platform, one service for all twelve leagues and cities' })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityPlatform extends Platform {}

@ObjectType('CountyPlatform', { implements: [Platform, Node, AssistanceRoll], description: 'The banner/county platform, one service for every banner and county' })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyPlatform extends Platform {}

export const PLATFORM_TYPES: Record<Level, Function> = { REGION: RegionPlatform, CITY: CityPlatform, COUNTY: CountyPlatform };
