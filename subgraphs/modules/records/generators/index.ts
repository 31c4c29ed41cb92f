/** Deterministic demo records for the basic databases of 004 art. 18, for seeding and benchmarks. */
export { type Random, seededRandom, DEFAULT_SEED } from './random';
export { AS_OF } from './calendar';
export { householdDivisionCodes } from './places';
export { PERSON_CAPACITY, LEGAL_PERSON_CAPACITY, PARCEL_CAPACITY } from './slots';
export type { Gender } from './names';
export { type PersonRecord, type RowOptions, generatePersons } from './people';
export { type LegalPersonRecord, type LegalPersonOptions, generateLegalPersons } from './legal-persons';
export { type CreditRecord, type CreditRating, generateCreditRecords } from './credit';
export { type CertificateRecord, type CertificateType, generateCertificates } from './certificates';
export { type LandParcelRecord, type LandUse, generateLandParcels } from './land';
