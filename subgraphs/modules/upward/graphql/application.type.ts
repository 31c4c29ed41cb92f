import { Directive, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Node } from '../../../kernel/graphql/node';
import { OwnedBy } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { Level, levelType } from '../../../kernel/levels';
import { ShareMode } from '../../catalog/enums';

/**
 * An application for data a higher level holds (004 art. 25, 000 art. 23). The requester's level owns
 * it — CountyUpwardApplication, CityUpwardApplication — and answers the facts filed there; every level
 * on the route adds its own step, answered from its own database (steps.resolver.ts).
 */
@InterfaceType('UpwardApplication', {
  implements: Node,
  autoRegisterImplementations: false,
  description: "An application for data held by a higher level, with each level's step (004 art. 25, 000 art. 23)",
  resolveType: (application: { requesterLevel: Level }) => levelType(application.requesterLevel, 'UpwardApplication'),
})
export abstract class UpwardApplication extends Node {
  @Field(() => ID, { description: 'USCC of the requesting agency' }) requesterUscc: string;
  @Field({ description: 'The user who filed' }) requesterUser: string;
  @Field(() => PlatformLevel) requesterLevel: Level;
  @Field(() => ID) requesterJurisdiction: string;
  @Field() resourceCode: string;
  @Field(() => PlatformLevel, { description: 'Level of the platform holding the data' }) resourceLevel: Level;
  @Field(() => ID) resourceJurisdiction: string;
  @Field(() => ID, { description: '数源部门: the agency that decides' }) sourceDepartmentUscc: string;
  @Field(() => [String], { description: 'The CONDITIONAL items asked for' }) items: string[];
  @Field({ description: 'Application scenario (应用场景)' }) scenario: string;
  @Field({ description: 'The duty the data serves (004 art. 20)' }) purpose: string;
  @Field({ description: 'The law or duty the use rests on' }) legalBasis: string;
  @Field(() => ShareMode) shareMode: ShareMode;
  @Field() requestedEndDate: Date;
  @Field() filedAt: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnBy: string | null;
}

@ObjectType('CountyUpwardApplication', { implements: [UpwardApplication, Node], description: 'Filed by a banner or county agency: county → city → (region) → holder' })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyUpwardApplication extends UpwardApplication {}

@ObjectType('CityUpwardApplication', { implements: [UpwardApplication, Node], description: 'Filed by a league or city agency: city → region → holder' })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityUpwardApplication extends UpwardApplication {}

export const UPWARD_TYPES: Partial<Record<Level, Function>> = { COUNTY: CountyUpwardApplication, CITY: CityUpwardApplication };

@ObjectType()
@Directive('@shareable')
export class UpwardApplicationEdge {
  @Field() cursor: string;
  @Field(() => UpwardApplication) node: unknown;
}

@ObjectType({ description: 'Upward applications (Relay cursor connection)' })
@Directive('@shareable')
export class UpwardApplicationConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [UpwardApplicationEdge]) edges: UpwardApplicationEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [UpwardApplication]) nodes: unknown[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
