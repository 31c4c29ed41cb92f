/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
};

export type AuditFilter = {
  /** READ, VERIFY, or a workflow step */
  action?: InputMaybe<Scalars['String']['input']>;
  agencyUscc?: InputMaybe<Scalars['ID']['input']>;
  /** ALLOW, ALLOW_MASKED, DENY, DONE */
  effect?: InputMaybe<Scalars['String']['input']>;
  /** A reason code, e.g. VERIFICATION_BUDGET_EXHAUSTED: the alerts of guessing by verification */
  reason?: InputMaybe<Scalars['String']['input']>;
  requestId?: InputMaybe<Scalars['String']['input']>;
  /** A resource (its id) */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Basic databases of 004 art. 18 */
export type BasicDatabase =
  | 'ELECTRONIC_CERTIFICATE'
  | 'LEGAL_PERSON'
  | 'NATURAL_PERSON'
  | 'NATURAL_RESOURCES'
  | 'SOCIAL_CREDIT';

/** Filters of the integrated catalog; all given filters apply */
export type CatalogFilter = {
  /** The data format, as the facets count it (e.g. CSV) */
  format?: InputMaybe<Scalars['String']['input']>;
  /** Include versions replaced by a newer publication */
  includeSuperseded?: Scalars['Boolean']['input'];
  /** This division and every division below it */
  jurisdictionCode?: InputMaybe<Scalars['ID']['input']>;
  level?: InputMaybe<PlatformLevel>;
  openType?: InputMaybe<OpenType>;
  providerUscc?: InputMaybe<Scalars['ID']['input']>;
  /** The resource's share type (its most shareable item's) */
  shareType?: InputMaybe<ShareType>;
  /** Words in the name, summary or item names */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Lower levels' versions by the review one level up (004 art. 10 ¶2): APPROVED, the catalog as published; PENDING or RETURNED only for authorities, within their jurisdiction */
  upperReview?: UpperReviewState;
};

/** A catalog resource (数据资源) as its providing agency describes it (004 art. 10) */
export type CatalogResourceInput = {
  approvingDepartmentUscc?: InputMaybe<Scalars['ID']['input']>;
  basicDatabase?: InputMaybe<BasicDatabase>;
  code?: InputMaybe<Scalars['String']['input']>;
  collectingDepartmentUscc?: InputMaybe<Scalars['ID']['input']>;
  dataForm: DataForm;
  format: Scalars['String']['input'];
  items: Array<DataItemInput>;
  name: Scalars['String']['input'];
  /** 共享范围 (004 art. 10 ¶4); leave it out to share with every agency */
  shareScope?: InputMaybe<ShareScopeInput>;
  /** 数源部门; defaults to the providing agency */
  sourceDepartmentUscc?: InputMaybe<Scalars['ID']['input']>;
  summary: Scalars['String']['input'];
  updateFrequency: UpdateFrequency;
};

export type CatalogState =
  | 'APPROVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETURNED'
  | 'SUBMITTED'
  | 'SUPERSEDED';

export type DataForm =
  | 'API'
  | 'FILE'
  | 'SPATIAL'
  | 'TABLE';

/** A data item (信息项) and its share attributes; 004 art. 21 is checked on every write */
export type DataItemInput = {
  code: Scalars['String']['input'];
  dataType: ItemDataType;
  description?: Scalars['String']['input'];
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  maskRule?: InputMaybe<Scalars['String']['input']>;
  maskedDeliveryOnly?: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
  /** CONDITIONAL_OPEN: objects, uses and scope of use (004 art. 27 (2)) */
  openConditions?: InputMaybe<Scalars['String']['input']>;
  /** NOT_OPEN: why (004 art. 27 (1)) */
  openGrounds?: InputMaybe<NotOpenGrounds>;
  /** NOT_OPEN: the law, regulation or right the grounds rest on */
  openLegalBasis?: InputMaybe<Scalars['String']['input']>;
  openType: OpenType;
  shareConditions?: InputMaybe<Scalars['String']['input']>;
  shareMode?: ShareMode;
  shareReason?: InputMaybe<Scalars['String']['input']>;
  shareType: ShareType;
};

/** A report that an item of a record is wrong or missing (004 art. 45) */
export type DataQualityReportInput = {
  /** Required without a token: how the providing agency answers; seen only by it */
  contact?: InputMaybe<Scalars['String']['input']>;
  issue: QualityIssue;
  item: Scalars['String']['input'];
  /** The record's key */
  recordKey: Scalars['ID']['input'];
  /** The resource's global id */
  resourceId: Scalars['ID']['input'];
  statement: Scalars['String']['input'];
  suggestedValue?: InputMaybe<Scalars['String']['input']>;
};

/** A demand for data not yet in the catalog (004 art. 24) */
export type DemandInput = {
  /** The data wanted */
  description: Scalars['String']['input'];
  /** The data items wanted, in the applicant's words */
  desiredItems: Array<Scalars['String']['input']>;
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** The duty the data is needed for */
  purpose: Scalars['String']['input'];
  /** The application scenario the data serves */
  scenario: Scalars['String']['input'];
  /** USCC of the source department the applicant thinks holds the data */
  suggestedSourceUscc?: InputMaybe<Scalars['ID']['input']>;
};

/** The review that refused a demand (004 art. 24) */
export type DemandRefusalStep =
  | 'AUTHORITY_REVIEW'
  | 'SOURCE_DEPARTMENT';

export type DemandReviewDecision =
  | 'APPROVE'
  | 'REFUSE';

/** Progress of a data demand application (004 art. 24) */
export type DemandState =
  | 'AUTHORITY_APPROVED'
  | 'CONFIRMED'
  | 'DELIVERED'
  | 'REFUSED'
  | 'SUBMITTED';

export type ItemDataType =
  | 'BOOLEAN'
  | 'DATE'
  | 'DECIMAL'
  | 'GEOMETRY'
  | 'INTEGER'
  | 'STRING';

/** Why a data item is not opened: trade secret, personal privacy, or a law or regulation forbids it (004 art. 27 (1)) */
export type NotOpenGrounds =
  | 'FORBIDDEN_BY_LAW'
  | 'PERSONAL_PRIVACY'
  | 'TRADE_SECRET';

/** What opened data is said to infringe (004 art. 28 ¶3) */
export type ObjectionGround =
  | 'PERSONAL_INFORMATION'
  | 'PRIVACY'
  | 'TRADE_SECRET';

/** What the source department decides after verifying (004 art. 28 ¶3) */
export type ObjectionOutcome =
  | 'REOPEN'
  | 'REOPEN_MASKED'
  | 'WITHDRAW';

/** SUSPENDED until the source department decides: WITHDRAWN, REOPENED or REOPENED_MASKED (004 art. 28 ¶3) */
export type ObjectionState =
  | 'REOPENED'
  | 'REOPENED_MASKED'
  | 'SUSPENDED'
  | 'WITHDRAWN';

/** An application for conditionally open data: scenario, data scope, delivery method, usage period, security measures (004 art. 28 ¶2) */
export type OpenDataApplicationInput = {
  /** 数据提供方式 */
  deliveryMethod: OpenDeliveryMethod;
  /** The CONDITIONAL_OPEN items needed (数据需求范围) */
  items: Array<Scalars['String']['input']>;
  /** The resource's global id */
  resourceId: Scalars['ID']['input'];
  /** 具体应用场景 */
  scenario: Scalars['String']['input'];
  /** 安全保障措施 */
  securityMeasures: Scalars['String']['input'];
  /** 数据使用时限: when the use ends (within a year) */
  usageEndsAt: Scalars['DateTimeISO']['input'];
};

/** AUTHORITY_REVIEW, then SOURCE_DECISION, then APPROVED or REFUSED (000 art. 26) */
export type OpenDataApplicationState =
  | 'APPROVED'
  | 'AUTHORITY_REVIEW'
  | 'REFUSED'
  | 'SOURCE_DECISION';

/** The source department's decision (004 art. 28 ¶2) */
export type OpenDataDecision =
  | 'APPROVE'
  | 'REFUSE';

/** The authority's normative review: PASS to the source department, or REFUSE (000 art. 26) */
export type OpenDataNormativeReview =
  | 'PASS'
  | 'REFUSE';

/** An objection to opened data: which item (of which record), on what ground, with evidence and a contact (004 art. 28 ¶3) */
export type OpenDataObjectionInput = {
  /** How the objector is told the outcome (telephone or e-mail); seen only by the source department */
  contact: Scalars['String']['input'];
  /** Evidence (证据材料): what it is and where it can be seen */
  evidence: Scalars['String']['input'];
  ground: ObjectionGround;
  /** The item objected to */
  item: Scalars['String']['input'];
  /** One record only; leave out for the item in every record */
  recordKey?: InputMaybe<Scalars['ID']['input']>;
  /** The resource's global id */
  resourceId: Scalars['ID']['input'];
  /** What is infringed */
  statement: Scalars['String']['input'];
};

/** How conditionally opened data is provided (004 art. 28 ¶2) */
export type OpenDeliveryMethod =
  | 'FILE'
  | 'INTERFACE';

/** 开放属性: whether the public may obtain a data item (004 art. 27) */
export type OpenType =
  | 'CONDITIONAL_OPEN'
  | 'NOT_OPEN'
  | 'UNCONDITIONAL_OPEN';

/** A natural person (citizen ID number) or an organisation (USCC), 004 art. 28 ¶2 */
export type PartyKind =
  | 'ORGANISATION'
  | 'PERSON';

/** Administrative level of a platform: autonomous region, league/city, banner/county */
export type PlatformLevel =
  | 'CITY'
  | 'COUNTY'
  | 'REGION';

/** An error in a value, or a value left out (004 art. 45) */
export type QualityIssue =
  | 'ERROR'
  | 'OMISSION';

/** What the providing agency does after verifying: CORRECT the value, or REJECT the report (004 art. 45) */
export type QualityOutcome =
  | 'CORRECT'
  | 'REJECT';

/** UNDER_VERIFICATION until the providing agency CORRECTED the value or REJECTED the report (004 art. 45) */
export type QualityReportState =
  | 'CORRECTED'
  | 'REJECTED'
  | 'UNDER_VERIFICATION';

/** An authority's application for another level's data: reflow down (000 art. 16) or aggregation up (004 art. 18) */
export type ReflowApplicationInput = {
  frequency: ReflowFrequency;
  /** INCREMENTAL only: minutes between runs (1 to 10080) */
  intervalMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Item codes wanted, no more than the duty needs (最小授权) */
  items: Array<Scalars['String']['input']>;
  /** The duty the data serves; it serves only that (004 art. 20) */
  purpose: Scalars['String']['input'];
  /** A published resource of this platform with data behind it */
  resourceId: Scalars['ID']['input'];
  /** Rows of this division and those below it; defaults to the applicant's jurisdiction and must lie within it */
  scopeDivisionCode?: InputMaybe<Scalars['String']['input']>;
};

export type ReflowApplicationState =
  | 'APPROVED'
  | 'PENDING'
  | 'REFUSED';

export type ReflowDecision =
  | 'APPROVE'
  | 'REFUSE';

/** REFLOW: down to a lower level on demand (回流); AGGREGATION: up to the level above (汇聚) */
export type ReflowDirection =
  | 'AGGREGATION'
  | 'REFLOW';

export type ReflowFrequency =
  | 'INCREMENTAL'
  | 'ONE_OFF';

export type ReflowRunState =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ReflowRunTrigger =
  | 'COMMAND'
  | 'SCHEDULER';

export type RegisterAgencyInput = {
  /** It legally collects data (数源部门): its SOURCE_REVIEWERs may decide on applications for that data */
  isSourceDepartment?: Scalars['Boolean']['input'];
  jurisdictionCode: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  sector: Sector;
  uscc: Scalars['ID']['input'];
};

export type ReviewDecision =
  | 'APPROVE'
  | 'RETURN';

/** What an agency is responsible for; DATA_AUTHORITY is the public data authority of its jurisdiction */
export type Sector =
  | 'CIVIL_AFFAIRS'
  | 'DATA_AUTHORITY'
  | 'HEALTH'
  | 'HUMAN_RESOURCES_SOCIAL_SECURITY'
  | 'MARKET_SUPERVISION'
  | 'NATURAL_RESOURCES'
  | 'PUBLIC_SECURITY';

/** What an agency asks of a data source department: items, scenario, purpose, mode, end date (004 art. 23) */
export type ShareApplicationInput = {
  /** Codes of the CONDITIONAL items wanted, no more than the duty needs (最小授权) */
  items: Array<Scalars['String']['input']>;
  /** The duty the data serves; shared data serves only it (004 art. 20) */
  purpose: Scalars['String']['input'];
  /** When the use ends; the approval may fix an earlier date */
  requestedEndDate: Scalars['DateTimeISO']['input'];
  resourceId: Scalars['ID']['input'];
  /** Application scenario (应用场景) */
  scenario: Scalars['String']['input'];
  shareMode: ShareMode;
};

export type ShareApplicationRole =
  | 'APPLICANT'
  | 'REVIEWER';

export type ShareApplicationState =
  | 'APPROVED'
  | 'PENDING'
  | 'REFUSED'
  | 'WITHDRAWN';

export type ShareApplicationStepKind =
  | 'DECIDED'
  | 'DELIVERED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type ShareDecision =
  | 'APPROVE'
  | 'REFUSE';

export type ShareMode =
  | 'FILE'
  | 'INTERFACE'
  | 'MASKED';

/** 共享范围 (004 art. 10 ¶4): the agencies a resource is shared with; every condition given applies, and one left out does not restrict */
export type ShareScopeInput = {
  /** These agencies (USCC) only */
  agencies?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Agencies in this division or below it only */
  jurisdictionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Agencies of these levels only */
  levels?: InputMaybe<Array<PlatformLevel>>;
};

/** 共享属性: who may obtain a data item (004 art. 21) */
export type ShareType =
  | 'CONDITIONAL'
  | 'NOT_SHARED'
  | 'UNCONDITIONAL';

export type UpdateFrequency =
  | 'DAILY'
  | 'MONTHLY'
  | 'ON_CHANGE'
  | 'QUARTERLY'
  | 'REAL_TIME'
  | 'WEEKLY'
  | 'YEARLY';

/** Review of a reported catalog by the authority one level up (004 art. 10 ¶2) */
export type UpperReviewState =
  | 'APPROVED'
  | 'PENDING'
  | 'RETURNED';

/** An application for data the requester's platform cannot provide (004 art. 25, 000 art. 23) */
export type UpwardApplicationInput = {
  /** Codes of the CONDITIONAL items wanted, no more than the duty needs (最小授权) */
  items: Array<Scalars['String']['input']>;
  /** The law or duty the use rests on */
  legalBasis: Scalars['String']['input'];
  /** The duty the data serves; shared data serves only it (004 art. 20) */
  purpose: Scalars['String']['input'];
  /** When the use ends; the holder may fix an earlier date */
  requestedEndDate: Scalars['DateTimeISO']['input'];
  /** A published resource of the integrated catalog, held by the region or a city */
  resourceId: Scalars['ID']['input'];
  /** Application scenario (应用场景) */
  scenario: Scalars['String']['input'];
  shareMode?: ShareMode;
};

export type UpwardReview =
  | 'FORWARD'
  | 'REFUSE'
  | 'ROUTE';

export type UpwardStepKind =
  | 'AUTHORITY'
  | 'HOLDER';

export type UpwardStepState =
  | 'APPROVED'
  | 'FORWARDED'
  | 'REFUSED'
  | 'ROUTED'
  | 'WAITING'
  | 'WITHDRAWN';

/** A year's statutory holiday arrangement as published by the State Council */
export type YearArrangementInput = {
  /** YYYY-MM-DD days off */
  holidays: Array<Scalars['String']['input']>;
  /** Where the arrangement comes from, e.g. the notice number */
  source: Scalars['String']['input'];
  /** YYYY-MM-DD adjusted working weekend days (调休) */
  workdays: Array<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type MyApplicationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type MyApplicationsQuery = { __typename?: 'Query', platforms: Array<
    | { __typename?: 'CityPlatform', level: PlatformLevel, name: string, shareApplications?: { __typename?: 'ShareApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'CountyShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'RegionShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
        > } | null, upwardApplications?: { __typename?: 'UpwardApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
          | { __typename?: 'CountyUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
        > } | null }
    | { __typename?: 'CountyPlatform', level: PlatformLevel, name: string, shareApplications?: { __typename?: 'ShareApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'CountyShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'RegionShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
        > } | null, upwardApplications?: { __typename?: 'UpwardApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
          | { __typename?: 'CountyUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
        > } | null }
    | { __typename?: 'RegionPlatform', level: PlatformLevel, name: string, shareApplications?: { __typename?: 'ShareApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'CountyShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
          | { __typename?: 'RegionShareApplication', id: string, state: ShareApplicationState, submittedAt: string, resource?:
              | { __typename?: 'CityResource', id: string, code: string, name: string }
              | { __typename?: 'CountyResource', id: string, code: string, name: string }
              | { __typename?: 'RegionResource', id: string, code: string, name: string }
             | null }
        > } | null, upwardApplications?: { __typename?: 'UpwardApplicationConnection', totalCount: number, nodes: Array<
          | { __typename?: 'CityUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
          | { __typename?: 'CountyUpwardApplication', id: string, filedAt: string, resourceCode: string, resource?:
              | { __typename?: 'CityResource', id: string, name: string }
              | { __typename?: 'CountyResource', id: string, name: string }
              | { __typename?: 'RegionResource', id: string, name: string }
             | null }
        > } | null }
  > };


export const MyApplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shareApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"APPLICANT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upwardApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resourceCode"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;