import { Directive, Field, Float, ID, Int, InterfaceType, MiddlewareFn, ObjectType, UseMiddleware } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { ListSize } from '../../../kernel/graphql/list-size';
import { OwnedBy } from '../../../kernel/graphql/ownership';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { levelType } from '../../../kernel/levels';
import { releaseItem, releaseKey } from '../enforcement';
import { HeldRecord } from './origin';
import { RecordSource, recordSource } from '../sources';

/*
 * Typed views of the basic databases (004 art. 18): natural persons and legal persons at the region
 * and the cities, the assistance roll at the counties. Every field, the key included, is released
 * through field-level enforcement (enforcement.ts), exactly as generic `records` are.
 */

/** A data field of a typed record: the value of `item`, decided for the caller. */
const item = (source: RecordSource, code: string): MiddlewareFn<RequestContext> => async ({ root, context, info }) => releaseItem(context, info, source, root, code);

/** The key: decided and recorded like an item, or echoed when the caller looked the record up by it. */
const key = (source: RecordSource): MiddlewareFn<RequestContext> => async ({ root, context, info }) => releaseKey(context, info, source, root);

const PERSONS = recordSource('person');
const LEGAL_PERSONS = recordSource('legal_person');
const ASSISTANCE = recordSource('assistance');
const denied = (code: string) => `Item ${code}; null with SHARE_DENIED when not shared with the caller`;

@InterfaceType('Person', {
  implements: HeldRecord,
  autoRegisterImplementations: false,
  description: 'A natural-person record of a population register; the type says which level holds it',
  resolveType: (_row: unknown, ctx: RequestContext) => levelType(ctx.level, 'Person'),
})
export abstract class Person {
  @Field(() => ID, { description: 'Citizen ID number: catalog item id_number, released like every other item (typed lists are served only when it is released in the clear)' })
  @UseMiddleware(key(PERSONS))
  idNumber: string;

  @Field({ description: 'Division the record belongs to' }) divisionCode: string;
  @Field(() => String, { nullable: true, description: denied('name') }) @UseMiddleware(item(PERSONS, 'name')) name: string | null;
  @Field(() => String, { nullable: true, description: denied('gender') }) @UseMiddleware(item(PERSONS, 'gender')) gender: string | null;
  @Field(() => String, { nullable: true, description: denied('birth_date') }) @UseMiddleware(item(PERSONS, 'birth_date')) birthDate: string | null;
  @Field(() => String, { nullable: true, description: denied('household_address') }) @UseMiddleware(item(PERSONS, 'household_address')) householdAddress: string | null;
  @Field(() => String, { nullable: true, description: denied('marital_status') }) @UseMiddleware(item(PERSONS, 'marital_status')) maritalStatus: string | null;
  @Field(() => String, { nullable: true, description: denied('phone') }) @UseMiddleware(item(PERSONS, 'phone')) phone: string | null;
  @Field(() => String, { nullable: true, description: denied('ethnicity') }) @UseMiddleware(item(PERSONS, 'ethnicity')) ethnicity: string | null;
  @Field(() => String, { nullable: true, description: denied('health_status') }) @UseMiddleware(item(PERSONS, 'health_status')) healthStatus: string | null;
}

@ObjectType('RegionPerson', { implements: [Person, HeldRecord], description: "A person of the region's population register (人口基础信息库)" })
@Directive('@key(fields: "idNumber")')
@OwnedBy('REGION')
export class RegionPerson extends Person {}

@ObjectType('CityPerson', { implements: [Person, HeldRecord], description: "A person of a league's or city's population register" })
@Directive('@key(fields: "idNumber")')
@OwnedBy('CITY')
export class CityPerson extends Person {}

@InterfaceType('LegalPerson', {
  implements: HeldRecord,
  autoRegisterImplementations: false,
  description: 'A legal-person record (法人基础信息库); the type says which level holds it',
  resolveType: (_row: unknown, ctx: RequestContext) => levelType(ctx.level, 'LegalPerson'),
})
export abstract class LegalPerson {
  @Field(() => ID, { description: 'USCC: catalog item uscc, released like every other item' })
  @UseMiddleware(key(LEGAL_PERSONS))
  uscc: string;

  @Field({ description: 'Division the record belongs to' }) divisionCode: string;
  @Field(() => String, { nullable: true, description: denied('name') }) @UseMiddleware(item(LEGAL_PERSONS, 'name')) name: string | null;
  @Field(() => String, { nullable: true, description: denied('status') }) @UseMiddleware(item(LEGAL_PERSONS, 'status')) status: string | null;
  @Field(() => String, { nullable: true, description: denied('established_on') }) @UseMiddleware(item(LEGAL_PERSONS, 'established_on')) establishedOn: string | null;
  @Field(() => String, { nullable: true, description: denied('industry') }) @UseMiddleware(item(LEGAL_PERSONS, 'industry')) industry: string | null;
  @Field(() => String, { nullable: true, description: denied('address') }) @UseMiddleware(item(LEGAL_PERSONS, 'address')) address: string | null;
  @Field(() => Float, { nullable: true, description: denied('registered_capital') }) @UseMiddleware(item(LEGAL_PERSONS, 'registered_capital')) registeredCapital: number | null;
  @Field(() => String, { nullable: true, description: denied('legal_representative') }) @UseMiddleware(item(LEGAL_PERSONS, 'legal_representative')) legalRepresentative: string | null;
  @Field(() => String, { nullable: true, description: denied('legal_representative_id') }) @UseMiddleware(item(LEGAL_PERSONS, 'legal_representative_id')) legalRepresentativeId: string | null;
}

@ObjectType('RegionLegalPerson', { implements: [LegalPerson, HeldRecord], description: "A legal person of the region's register" })
@Directive('@key(fields: "uscc")')
@OwnedBy('REGION')
export class RegionLegalPerson extends LegalPerson {}

@ObjectType('CityLegalPerson', { implements: [LegalPerson, HeldRecord], description: "A legal person of a league's or city's register" })
@Directive('@key(fields: "uscc")')
@OwnedBy('CITY')
export class CityLegalPerson extends LegalPerson {}

@ObjectType('CountyAssistanceRecord', { implements: HeldRecord, description: "A household on a banner's or county's social assistance roll" })
@Directive('@key(fields: "idNumber")')
@OwnedBy('COUNTY')
export class CountyAssistanceRecord {
  @Field(() => ID, { description: 'Citizen ID number of the applicant: catalog item id_number, released like every other item' })
  @UseMiddleware(key(ASSISTANCE))
  idNumber: string;

  @Field({ description: 'Division the record belongs to' }) divisionCode: string;
  @Field(() => String, { nullable: true, description: denied('name') }) @UseMiddleware(item(ASSISTANCE, 'name')) name: string | null;
  @Field(() => Int, { nullable: true, description: denied('household_size') }) @UseMiddleware(item(ASSISTANCE, 'household_size')) householdSize: number | null;
  @Field(() => Float, { nullable: true, description: denied('monthly_allowance') }) @UseMiddleware(item(ASSISTANCE, 'monthly_allowance')) monthlyAllowance: number | null;
  @Field(() => String, { nullable: true, description: denied('hardship_reason') }) @UseMiddleware(item(ASSISTANCE, 'hardship_reason')) hardshipReason: string | null;
}

@ObjectType()
@Directive('@shareable')
export class PersonEdge {
  @Field({ description: 'Sealed: it stands at a record key without showing it' }) cursor: string;
  @Field(() => Person) node: Person;
}

@ObjectType({ description: 'Person records in key order (Relay cursor connection)' })
@Directive('@shareable')
export class PersonConnection {
  @ListSize({ assumedSize: 1000 }) @Field(() => [PersonEdge]) edges: PersonEdge[];
  @ListSize({ assumedSize: 1000 }) @Field(() => [Person]) nodes: Person[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class LegalPersonEdge {
  @Field({ description: 'Sealed: it stands at a record key without showing it' }) cursor: string;
  @Field(() => LegalPerson) node: LegalPerson;
}

@ObjectType({ description: 'Legal-person records in key order (Relay cursor connection)' })
@Directive('@shareable')
export class LegalPersonConnection {
  @ListSize({ assumedSize: 1000 }) @Field(() => [LegalPersonEdge]) edges: LegalPersonEdge[];
  @ListSize({ assumedSize: 1000 }) @Field(() => [LegalPerson]) nodes: LegalPerson[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
@Directive('@shareable')
export class AssistanceRecordEdge {
  @Field({ description: 'Sealed: it stands at a record key without showing it' }) cursor: string;
  @Field(() => CountyAssistanceRecord) node: CountyAssistanceRecord;
}

@ObjectType({ description: 'Assistance roll records in key order (Relay cursor connection)' })
@Directive('@shareable')
export class AssistanceRecordConnection {
  @ListSize({ assumedSize: 1000 }) @Field(() => [AssistanceRecordEdge]) edges: AssistanceRecordEdge[];
  @ListSize({ assumedSize: 1000 }) @Field(() => [CountyAssistanceRecord]) nodes: CountyAssistanceRecord[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
