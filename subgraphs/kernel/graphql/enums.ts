import { registerEnumType } from 'type-graphql';

/** GraphQL face of the kernel's Level union. */
export enum PlatformLevel {
  REGION = 'REGION',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(PlatformLevel, { name: 'PlatformLevel', description: 'Administrative level of a platform: autonomous region, league/city, banner/county' });
