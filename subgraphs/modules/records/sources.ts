import { EntityTarget } from 'typeorm';
import { AssistanceRow, CertificateRow, CreditRow, LandParcelRow, LegalPersonRow, PersonRow } from './record.entities';
import { RecordBase } from './record-base';

/**
 * Where the data of a catalog resource lives on its platform: the record table (the resource's
 * `dataTable`), its key, and which column holds each data item. Field-level enforcement, generic
 * record access, verification and reflow all read items through this map.
 */
export interface RecordSource<T extends RecordBase = any> {
  table: string;
  entity: EntityTarget<T>;
  key: keyof T & string;
  /** The catalog item the key is: releasing a record's key is releasing this item. */
  keyItem: string;
  /** item code → column property */
  columns: Readonly<Record<string, keyof T & string>>;
}

const camel = (code: string) => code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const columns = <T>(codes: string[], overrides: Record<string, keyof T & string> = {}) =>
  Object.fromEntries(codes.map((code) => [code, overrides[code] ?? camel(code)])) as Record<string, keyof T & string>;

export const RECORD_SOURCES: Readonly<Record<string, RecordSource>> = {
  person: {
    table: 'person',
    entity: PersonRow,
    key: 'idNumber',
    keyItem: 'id_number',
    columns: columns<PersonRow>(['name', 'id_number', 'gender', 'birth_date', 'household_address', 'marital_status', 'phone', 'ethnicity', 'health_status']),
  },
  legal_person: {
    table: 'legal_person',
    entity: LegalPersonRow,
    key: 'uscc',
    keyItem: 'uscc',
    columns: columns<LegalPersonRow>(['uscc', 'name', 'status', 'established_on', 'industry', 'address', 'registered_capital', 'legal_representative', 'legal_representative_id']),
  },
  credit: {
    table: 'credit',
    entity: CreditRow,
    key: 'subjectUscc',
    keyItem: 'subject_uscc',
    columns: columns<CreditRow>(['subject_uscc', 'rating', 'dishonest', 'record_date', 'source_agency']),
  },
  certificate: {
    table: 'certificate',
    entity: CertificateRow,
    key: 'certificateNo',
    keyItem: 'certificate_no',
    columns: columns<CertificateRow>(['certificate_no', 'certificate_type', 'holder_id', 'issuing_authority', 'issued_on', 'expires_on'], { certificate_type: 'type' }),
  },
  land_parcel: {
    table: 'land_parcel',
    entity: LandParcelRow,
    key: 'parcelCode',
    keyItem: 'parcel_code',
    columns: columns<LandParcelRow>(['parcel_code', 'land_use', 'area_mu', 'rights_holder', 'division_code'], { rights_holder: 'rightsHolderName' }),
  },
  assistance: {
    table: 'assistance',
    entity: AssistanceRow,
    key: 'idNumber',
    keyItem: 'id_number',
    columns: columns<AssistanceRow>(['name', 'id_number', 'household_size', 'monthly_allowance', 'hardship_reason']),
  },
};

export function recordSource(table: string): RecordSource {
  const source = RECORD_SOURCES[table];
  if (!source) throw new Error(`no record source '${table}'`);
  return source;
}
