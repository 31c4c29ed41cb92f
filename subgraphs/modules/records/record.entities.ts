import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordBase } from './record-base';

/*
 * Data columns are nullable: a row that came from another level holds only the items that level
 * delivered to this one (reflow delivers no NOT_SHARED item, and CONDITIONAL items only under a
 * grant), and a withheld item is stored as "not held here", never as a made-up value.
 */

/** 人口基础信息: household registration of natural persons, keyed by citizen ID number. */
@Entity('person_record')
export class PersonRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) idNumber: string;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) name: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true, default: null }) gender: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) ethnicity: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) birthDate: string | null;
  @Column({ type: 'varchar', length: 256, nullable: true, default: null }) householdAddress: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) maritalStatus: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) phone: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) education: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) healthStatus: string | null;
}

/** 法人基础信息: legal persons, keyed by USCC. */
@Entity('legal_person_record')
export class LegalPersonRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) uscc: string;
  @Column({ type: 'varchar', length: 128, nullable: true, default: null }) name: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) legalRepresentative: string | null;
  @Column({ type: 'varchar', length: 18, nullable: true, default: null }) legalRepresentativeId: string | null;
  @Column({ type: 'double', nullable: true, default: null }) registeredCapital: number | null;
  @Column({ type: 'varchar', length: 256, nullable: true, default: null }) address: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) status: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) establishedOn: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) industry: string | null;
}

/** 社会信用信息: one rating per legal person. */
@Entity('credit_record')
export class CreditRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) subjectUscc: string;
  @Column({ type: 'varchar', length: 2, nullable: true, default: null }) rating: string | null;
  @Column({ type: 'boolean', nullable: true, default: null }) dishonest: boolean | null;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) recordDate: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true, default: null }) sourceAgency: string | null;
}

/** 电子证照: certificates, keyed by certificate number. */
@Entity('certificate_record')
export class CertificateRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 40 }) certificateNo: string;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) type: string | null;
  @Column({ type: 'varchar', length: 18, nullable: true, default: null }) holderId: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true, default: null }) holderName: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true, default: null }) issuingAuthority: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) issuedOn: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) expiresOn: string | null;
}

/** 自然资源和空间地理: land parcels, keyed by parcel code. */
@Entity('land_parcel_record')
export class LandParcelRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 20 }) parcelCode: string;
  @Column({ type: 'varchar', length: 16, nullable: true, default: null }) landUse: string | null;
  @Column({ type: 'double', nullable: true, default: null }) areaMu: number | null;
  @Column({ type: 'varchar', length: 18, nullable: true, default: null }) rightsHolderId: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true, default: null }) rightsHolderName: string | null;
}

/** 最低生活保障对象: a county's social assistance roll, keyed by citizen ID number. */
@Entity('assistance_record')
export class AssistanceRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) idNumber: string;
  @Column({ type: 'varchar', length: 32, nullable: true, default: null }) name: string | null;
  @Column({ type: 'int', nullable: true, default: null }) householdSize: number | null;
  @Column({ type: 'double', nullable: true, default: null }) monthlyAllowance: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true, default: null }) hardshipReason: string | null;
}

export const RECORD_ENTITIES = [PersonRow, LegalPersonRow, CreditRow, CertificateRow, LandParcelRow, AssistanceRow];
