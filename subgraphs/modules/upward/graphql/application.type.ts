import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReturnTypeFunc } from 'type-graphql/build/typings/decorators/types';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { Level } from '../../../kernel/levels';
import { ShareMode } from '../../catalog/enums';

type FieldSpec = [name: string, type: ReturnTypeFunc, reflected: Function, options?: { nullable?: boolean; description?: string }];

/** The filed facts: every level on the route keeps a copy, so any of them can answer (@shareable). */
const FILED: FieldSpec[] = [
  ['requesterUscc', () => ID, String, { description: 'USCC of the requesting agency' }],
  ['requesterUser', () => String, String, { description: 'The user who filed' }],
  ['requesterLevel', () => PlatformLevel, String],
  ['requesterJurisdiction', () => ID, String],
  ['resourceId', () => ID, String, { description: 'The resource asked for, from the integrated catalog' }],
  ['resourceCode', () => String, String],
  ['resourceLevel', () => PlatformLevel, String, { description: 'Level of the platform holding the data' }],
  ['resourceJurisdiction', () => ID, String],
  ['sourceDepartmentUscc', () => ID, String, { description: '数源部门: the agency that decides' }],
  ['items', () => [String], Array, { description: 'The CONDITIONAL items asked for' }],
  ['scenario', () => String, String, { description: 'Application scenario (应用场景)' }],
  ['purpose', () => String, String, { description: 'The duty the data serves (004 art. 20)' }],
  ['legalBasis', () => String, String, { description: 'The law or duty the use rests on' }],
  ['shareMode', () => ShareMode, String],
  ['requestedEndDate', () => Date, Date],
  ['filedAt', () => Date, Date],
  ['withdrawnAt', () => Date, Date, { nullable: true }],
  ['withdrawnBy', () => String, String, { nullable: true }],
];

const built = new Map<Level, Function>();

/**
 * One federated entity (004 art. 25, 000 art. 23): created by the requester's level, extended by
 * each level on the route with its own step field. type-graphql attaches field resolvers to the
 * class, so each level gets its own class of the same name.
 */
export function upwardApplicationType(level: Level): Function {
  const existing = built.get(level);
  if (existing) return existing;
  const Type = class {};
  Object.defineProperty(Type, 'name', { value: `UpwardApplication${level}` });
  Reflect.defineMetadata('design:type', String, Type.prototype, 'id');
  Field(() => ID)(Type.prototype, 'id');
  for (const [name, type, reflected, options] of FILED) {
    Reflect.defineMetadata('design:type', reflected, Type.prototype, name);
    Field(type, options ?? {})(Type.prototype, name);
    Directive('@shareable')(Type.prototype, name);
  }
  Directive('@key(fields: "id")')(Type);
  ObjectType('UpwardApplication', { description: 'An application for data held by a higher level, with each level\'s step (004 art. 25, 000 art. 23)' })(Type);
  built.set(level, Type);
  return Type;
}
