import { Directive, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Node } from '../../../kernel/graphql/node';
import { OwnedBy } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { Level, levelType } from '../../../kernel/levels';
import { ShareMode } from '../../catalog/enums';
import { ApplicationState } from '../application.entity';
import { ShareApplicationStepKind } from '../enums';

/*
 * Each level's platform keeps the applications for its own resources and the grants they create
 * (004 art. 23): a type per level (CityShareApplication, …), answered by that level, fetched again by
 * global id. A level only ever returns its own, so the interface resolves to the answering level's type.
 */
const ofAnsweringLevel = (concept: string) => (_value: unknown, ctx: RequestContext) => levelType(ctx.level, concept);

@InterfaceType('ShareApplication', {
  implements: Node,
  autoRegisterImplementations: false,
  resolveType: ofAnsweringLevel('ShareApplication'),
  description: "An agency's application for CONDITIONAL data items of a resource (004 art. 23), kept by the platform holding the resource",
})
export abstract class ShareApplicationType extends Node {
  @Field(() => ID, { description: 'USCC of the applying agency' }) applicantUscc: string;
  @Field(() => PlatformLevel) applicantLevel: Level;
  @Field(() => ID) applicantJurisdiction: string;
  @Field({ description: 'The user who applied' }) applicantUser: string;
  @Field(() => ID, { description: '数源部门: the agency that decides' }) sourceDepartmentUscc: string;
  @Field(() => ID, { description: "The resource's jurisdiction, whose policy profile sets the deadlines" }) resourceJurisdiction: string;
  @Field({ description: 'Application scenario (应用场景)' }) scenario: string;
  @Field({ description: 'The duty the data serves (004 art. 20)' }) purpose: string;
  @Field(() => ShareMode) shareMode: ShareMode;
  @Field() requestedEndDate: Date;
  @Field(() => ApplicationState) state: ApplicationState;
  @Field() submittedAt: Date;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why items were refused (a refusal, or items left out of an approval)' }) refusalReason: string | null;
  @Field(() => String, { nullable: true, description: 'The legal basis of the refusal (004 art. 23)' }) refusalLegalBasis: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => String, { nullable: true }) deliveredBy: string | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawnBy: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('RegionShareApplication', { implements: [ShareApplicationType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionShareApplication extends ShareApplicationType {}

@ObjectType('CityShareApplication', { implements: [ShareApplicationType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityShareApplication extends ShareApplicationType {}

@ObjectType('CountyShareApplication', { implements: [ShareApplicationType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyShareApplication extends ShareApplicationType {}

export const SHARE_APPLICATION_TYPES: Record<Level, Function> = { REGION: RegionShareApplication, CITY: CityShareApplication, COUNTY: CountyShareApplication };

@InterfaceType('ShareGrant', {
  implements: Node,
  autoRegisterImplementations: false,
  resolveType: ofAnsweringLevel('ShareGrant'),
  description: 'What an approval fixed (004 art. 23): the agency, the scenario, exactly the approved items, the mode and the end date',
})
export abstract class ShareGrantType extends Node {
  @Field(() => ID, { description: 'USCC of the agency the data may be used by' }) agencyUscc: string;
  @Field() scenario: string;
  @Field(() => ShareMode) mode: ShareMode;
  @Field() endsAt: Date;
  @Field(() => String, { description: 'APPROVED or REVOKED' }) status: string;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokeReason: string | null;
  @Field() createdAt: Date;
}

@ObjectType('RegionShareGrant', { implements: [ShareGrantType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('REGION')
export class RegionShareGrant extends ShareGrantType {}

@ObjectType('CityShareGrant', { implements: [ShareGrantType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('CITY')
export class CityShareGrant extends ShareGrantType {}

@ObjectType('CountyShareGrant', { implements: [ShareGrantType, Node] })
@Directive('@key(fields: "id")')
@OwnedBy('COUNTY')
export class CountyShareGrant extends ShareGrantType {}

export const SHARE_GRANT_TYPES: Record<Level, Function> = { REGION: RegionShareGrant, CITY: CityShareGrant, COUNTY: CountyShareGrant };

@ObjectType('ShareApplicationStep', { description: 'One step of an application as its progress shows it' })
@Directive('@shareable')
export class ShareApplicationStep {
  @Field(() => ShareApplicationStepKind) step: ShareApplicationStepKind;
  @Field() done: boolean;
  @Field(() => Date, { nullable: true, description: 'When the step was taken' }) at: Date | null;
  @Field(() => String, { nullable: true, description: 'Who took it' }) by: string | null;
  @Field(() => String, { nullable: true, description: 'Beijing day by which the step is due (decision and delivery)' }) dueDay: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taken by its due day; null while open or without a limit' }) onTime: boolean | null;
}

@ObjectType('AgencySuspension', { description: "An authority's suspension of an agency's access to this platform's data (004 art. 50)" })
@Directive('@shareable')
export class AgencySuspensionView {
  @Field(() => ID, { description: 'USCC of the suspended agency' }) agencyUscc: string;
  @Field() reason: string;
  @Field(() => ID, { description: 'Division code of the authority that imposed it' }) imposedBy: string;
  @Field() suspendedBy: string;
  @Field() suspendedAt: Date;
  @Field(() => Date, { nullable: true }) liftedAt: Date | null;
  @Field(() => String, { nullable: true }) liftedBy: string | null;
  @Field(() => String, { nullable: true, description: 'What the agency corrected' }) liftReason: string | null;
  @Field() active: boolean;
}

@ObjectType()
@Directive('@shareable')
export class ShareApplicationEdge {
  @Field() cursor: string;
  @Field(() => ShareApplicationType) node: unknown;
}

@ObjectType({ description: 'Share applications (Relay cursor connection)' })
@Directive('@shareable')
export class ShareApplicationConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ShareApplicationEdge]) edges: ShareApplicationEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ShareApplicationType]) nodes: unknown[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class ShareGrantEdge {
  @Field() cursor: string;
  @Field(() => ShareGrantType) node: unknown;
}

@ObjectType({ description: 'Share grants (Relay cursor connection)' })
@Directive('@shareable')
export class ShareGrantConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [ShareGrantEdge]) edges: ShareGrantEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [ShareGrantType]) nodes: unknown[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class AgencySuspensionEdge {
  @Field() cursor: string;
  @Field(() => AgencySuspensionView) node: AgencySuspensionView;
}

@ObjectType({ description: 'Suspensions (Relay cursor connection)' })
@Directive('@shareable')
export class AgencySuspensionConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [AgencySuspensionEdge]) edges: AgencySuspensionEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [AgencySuspensionView]) nodes: AgencySuspensionView[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
