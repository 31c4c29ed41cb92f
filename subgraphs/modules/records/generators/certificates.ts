import { AS_OF, addYears, ageOn, laterOf, randomDateBetween } from './calendar';
import { LegalPersonRecord } from './legal-persons';
import { ADULT_AGE, MARRIAGE_AGE, PersonRecord, isAdult } from './people';
import { Place, bureauOf, placeOf } from './places';
import { DEFAULT_SEED, Random, rowRandoms } from './random';

/** A row of the electronic certificate basic database (电子证照库, 004 art. 18). */
export interface CertificateRecord {
  /** Unique within one call; an ID card's number is the citizen ID, a business licence's the USCC. */
  certificateNo: string;
  type: CertificateType;
  /** Citizen ID number or USCC of the holder. */
  holderId: string;
  holderName: string;
  issuingAuthority: string;
  issuedOn: string;
  /** null: valid for good (长期). */
  expiresOn: string | null;
  /** The holder's division. */
  divisionCode: string;
}

export type CertificateType = '居民身份证' | '结婚证' | '不动产权证书' | '营业执照';

/** Second-generation ID cards since 2004; unified real estate certificates since 2015-03-01. */
const ID_CARD_SINCE = '2004-01-01';
const REAL_ESTATE_SINCE = '2015-03-01';
const ID_CARD_AGE = 16;
const OWNER_SHARE = { person: 0.45, company: 0.3 };

/**
 * The certificates the given holders would hold: an ID card for everyone 16 or older, a marriage
 * certificate for the married, a real estate certificate for some adults and companies, and a
 * business licence for every legal person still active.
 */
export function generateCertificates(options: {
  persons: readonly PersonRecord[];
  legalPersons: readonly LegalPersonRecord[];
  seed?: number;
}): CertificateRecord[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const serials = { marriage: 0, realEstate: 0 };
  const certificates: CertificateRecord[] = [];
  const forPerson = rowRandoms(seed, 'person certificates');
  options.persons.forEach((person, index) => certificates.push(...personCertificates(forPerson(index), person, serials)));
  const forLegalPerson = rowRandoms(seed, 'legal person certificates');
  options.legalPersons.forEach((legalPerson, index) => {
    certificates.push(...legalPersonCertificates(forLegalPerson(index), legalPerson, serials));
  });
  return certificates;
}

type Serials = { marriage: number; realEstate: number };

function personCertificates(random: Random, person: PersonRecord, serials: Serials): CertificateRecord[] {
  const place = placeOf(person.divisionCode);
  const holder = { holderId: person.idNumber, holderName: person.name, divisionCode: person.divisionCode };
  const certificates: CertificateRecord[] = [];
  if (ageOn(person.birthDate, AS_OF) >= ID_CARD_AGE) {
    const issuedOn = randomDateBetween(random, laterOf(addYears(person.birthDate, ID_CARD_AGE), ID_CARD_SINCE), AS_OF);
    const validYears = idCardValidity(ageOn(person.birthDate, issuedOn));
    certificates.push({
      ...holder, certificateNo: person.idNumber, type: '居民身份证', issuingAuthority: bureauOf(place, '公安'),
      issuedOn, expiresOn: validYears === null ? null : addYears(issuedOn, validYears),
    });
  }
  if (person.maritalStatus === 'MARRIED') {
    const issuedOn = randomDateBetween(random, addYears(person.birthDate, MARRIAGE_AGE[person.gender]), AS_OF);
    const certificateNo = `J${person.divisionCode}-${issuedOn.slice(0, 4)}-${String(++serials.marriage).padStart(6, '0')}`;
    certificates.push({ ...holder, certificateNo, type: '结婚证', issuingAuthority: bureauOf(place, '民政'), issuedOn, expiresOn: null });
  }
  if (isAdult(person) && random.chance(OWNER_SHARE.person)) {
    certificates.push({ ...holder, ...realEstate(random, place, addYears(person.birthDate, ADULT_AGE), serials) });
  }
  return certificates;
}

function legalPersonCertificates(random: Random, legalPerson: LegalPersonRecord, serials: Serials): CertificateRecord[] {
  if (legalPerson.status !== 'ACTIVE') return [];
  const place = placeOf(legalPerson.divisionCode);
  const holder = { holderId: legalPerson.uscc, holderName: legalPerson.name, divisionCode: legalPerson.divisionCode };
  const isCompany = legalPerson.uscc[1] === '1';
  // Companies register with the league/city bureau, individual businesses and cooperatives locally.
  const registrar = isCompany ? placeOf(place.cityCode) : place;
  const certificates: CertificateRecord[] = [{
    ...holder, certificateNo: legalPerson.uscc, type: '营业执照', issuingAuthority: bureauOf(registrar, '市场监督管理'),
    issuedOn: legalPerson.establishedOn,
    // Some companies state a business term (营业期限); most run 长期.
    expiresOn: isCompany && random.chance(0.3) ? addYears(legalPerson.establishedOn, 30) : null,
  }];
  if (isCompany && random.chance(OWNER_SHARE.company)) {
    certificates.push({ ...holder, ...realEstate(random, place, legalPerson.establishedOn, serials) });
  }
  return certificates;
}

/** 蒙(2021)呼和浩特市不动产权第0012345号: banners and counties register themselves, the rest with their city. */
function realEstate(random: Random, place: Place, eligibleFrom: string, serials: Serials) {
  const registrar = place.rural ? place : placeOf(place.cityCode);
  const issuedOn = randomDateBetween(random, laterOf(eligibleFrom, REAL_ESTATE_SINCE), AS_OF);
  return {
    certificateNo: `蒙(${issuedOn.slice(0, 4)})${registrar.name}不动产权第${String(++serials.realEstate).padStart(7, '0')}号`,
    type: '不动产权证书' as const,
    issuingAuthority: bureauOf(registrar, '自然资源'),
    issuedOn,
    expiresOn: null,
  };
}

/** Resident Identity Card Law art. 5: validity by age at issue. */
function idCardValidity(ageAtIssue: number): number | null {
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue <= 25) return 10;
  if (ageAtIssue <= 45) return 20;
  return null;
}
