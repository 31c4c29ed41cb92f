import { registerEnumType } from 'type-graphql';

/** 共享属性 (004 art. 21). */
export enum ShareType {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_SHARED = 'NOT_SHARED',
}

/** 开放属性 (004 art. 26). */
export enum OpenType {
  UNCONDITIONAL_OPEN = 'UNCONDITIONAL_OPEN',
  CONDITIONAL_OPEN = 'CONDITIONAL_OPEN',
  NOT_OPEN = 'NOT_OPEN',
}

/** Why an item is NOT_OPEN: the three grounds of 004 art. 27 (1). */
export enum NotOpenGrounds {
  TRADE_SECRET = 'TRADE_SECRET',
  PERSONAL_PRIVACY = 'PERSONAL_PRIVACY',
  FORBIDDEN_BY_LAW = 'FORBIDDEN_BY_LAW',
}

/** How shared data is delivered (004 art. 23: the approval fixes the sharing mode). */
export enum ShareMode {
  INTERFACE = 'INTERFACE',
  FILE = 'FILE',
  MASKED = 'MASKED',
}

export enum DataForm {
  TABLE = 'TABLE',
  FILE = 'FILE',
  API = 'API',
  SPATIAL = 'SPATIAL',
}

export enum UpdateFrequency {
  REAL_TIME = 'REAL_TIME',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
  ON_CHANGE = 'ON_CHANGE',
}

export enum ItemDataType {
  STRING = 'STRING',
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  DATE = 'DATE',
  BOOLEAN = 'BOOLEAN',
  GEOMETRY = 'GEOMETRY',
}

/** Review workflow of a catalog resource version (004 art. 10-11). */
export enum CatalogState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
}

/**
 * A city's or county's catalog as reported to the authority one level up (004 art. 10 ¶2): it enters
 * the integrated catalog as approved only once that authority has reviewed it.
 */
export enum UpperReviewState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
}

/** The basic databases of 004 art. 18, built at region and city level. */
export enum BasicDatabase {
  NATURAL_PERSON = 'NATURAL_PERSON',
  LEGAL_PERSON = 'LEGAL_PERSON',
  SOCIAL_CREDIT = 'SOCIAL_CREDIT',
  ELECTRONIC_CERTIFICATE = 'ELECTRONIC_CERTIFICATE',
  NATURAL_RESOURCES = 'NATURAL_RESOURCES',
}

registerEnumType(ShareType, { name: 'ShareType', description: '共享属性: who may obtain a data item (004 art. 21)' });
registerEnumType(OpenType, { name: 'OpenType', description: '开放属性: whether the public may obtain a data item (004 art. 27)' });
registerEnumType(NotOpenGrounds, { name: 'NotOpenGrounds', description: 'Why a data item is not opened: trade secret, personal privacy, or a law or regulation forbids it (004 art. 27 (1))' });
registerEnumType(ShareMode, { name: 'ShareMode' });
registerEnumType(DataForm, { name: 'DataForm' });
registerEnumType(UpdateFrequency, { name: 'UpdateFrequency' });
registerEnumType(ItemDataType, { name: 'ItemDataType' });
registerEnumType(CatalogState, { name: 'CatalogState' });
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
registerEnumType(UpperReviewState, { name: 'UpperReviewState', description: 'Review of a reported catalog by the authority one level up (004 art. 10 ¶2)' });
registerEnumType(BasicDatabase, { name: 'BasicDatabase', description: 'Basic databases of 004 art. 18' });

/** Most permissive first: a resource is as shareable as its most shareable item. */
export const SHARE_ORDER = [ShareType.UNCONDITIONAL, ShareType.CONDITIONAL, ShareType.NOT_SHARED];
export const OPEN_ORDER = [OpenType.UNCONDITIONAL_OPEN, OpenType.CONDITIONAL_OPEN, OpenType.NOT_OPEN];

export function mostPermissive<T>(order: readonly T[], values: readonly T[]): T | null {
  if (values.length === 0) return null;
  return order[Math.min(...values.map((v) => order.indexOf(v)))];
}
