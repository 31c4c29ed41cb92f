import { registerEnumType } from 'type-graphql';

/** GraphQL face of the kernel's Level union. */
export enum PlatformLevel {
  REGION = 'REGION',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(PlatformLevel, { name: 'PlatformLevel', description: 'Administrative level of a platform: autonomous region, league/city, banner/county' });

/** GraphQL face of the kernel's PartyKind union. */
export enum PartyKindEnum {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(PartyKindEnum, { name: 'PartyKind', description: 'A natural person (citizen ID number) or an organisation (USCC), 004 art. 28 ¶2' });
