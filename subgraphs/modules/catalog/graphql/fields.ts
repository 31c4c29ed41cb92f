import { Directive, Field, ID, Int } from 'type-graphql';
import type { ReturnTypeFunc } from 'type-graphql/build/typings/decorators/types';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { BasicDatabase, DataForm, UpdateFrequency } from '../enums';

type FieldSpec = [name: string, type: ReturnTypeFunc, reflected: Function, options?: { nullable?: boolean; description?: string }];

/**
 * Summary fields of a catalog resource: held by the owning level and copied into the region's
 * integrated index, so both subgraphs can answer them (@shareable on object types; the region's
 * interface declares them plainly).
 */
const SUMMARY: FieldSpec[] = [
  ['code', () => String, String, { description: 'Catalog code, unique per version' }],
  ['name', () => String, String],
  ['summary', () => String, String],
  ['level', () => PlatformLevel, String, { description: 'Level of the platform that owns the resource' }],
  ['version', () => Int, Number],
  ['jurisdictionCode', () => ID, String],
  ['providerUscc', () => ID, String, { description: 'USCC of the providing agency' }],
  ['publishedAt', () => Date, Date, { nullable: true }],
];

/** Descriptive fields only the owning level holds. */
const DETAIL: FieldSpec[] = [
  ['lineageId', () => ID, String, { description: 'Shared by every version of this resource' }],
  ['dataForm', () => DataForm, String],
  ['format', () => String, String],
  ['updateFrequency', () => UpdateFrequency, String],
  ['basicDatabase', () => BasicDatabase, String, { nullable: true, description: 'The basic database (004 art. 18) this resource belongs to' }],
  ['sourceDepartmentUscc', () => ID, String, { description: '数源部门: the agency that legally collects the data' }],
  ['collectingDepartmentUscc', () => ID, String, { nullable: true }],
  ['approvingDepartmentUscc', () => ID, String, { nullable: true }],
  ['revisionTrigger', () => String, String, { nullable: true, description: 'Why this version was started (legal basis or duties changed)' }],
  ['submittedAt', () => Date, Date, { nullable: true }],
  ['createdAt', () => Date, Date],
  ['updatedAt', () => Date, Date],
];

function declare(target: Function, specs: FieldSpec[], shareable: boolean) {
  for (const [name, type, reflected, options] of specs) {
    Reflect.defineMetadata('design:type', reflected, target.prototype, name);
    Field(type, options ?? {})(target.prototype, name);
    if (shareable) Directive('@shareable')(target.prototype, name);
  }
}

export function declareKey(target: Function) {
  Reflect.defineMetadata('design:type', String, target.prototype, 'id');
  Field(() => ID)(target.prototype, 'id');
}

export const declareSummaryFields = (target: Function, shareable: boolean) => declare(target, SUMMARY, shareable);
export const declareDetailFields = (target: Function) => declare(target, DETAIL, false);
