import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordBase } from './record-base';

/** 人口基础信息: household registration of natural persons, keyed by citizen ID number. */
@Entity('person_record')
export class PersonRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) idNumber: string;
  @Column({ type: 'varchar', length: 32 }) name: string;
  @Column({ type: 'varchar', length: 8 }) gender: string;
  @Column({ type: 'varchar', length: 16 }) ethnicity: string;
  @Column({ type: 'varchar', length: 10 }) birthDate: string;
  @Column({ type: 'varchar', length: 256 }) householdAddress: string;
  @Column({ type: 'varchar', length: 16 }) maritalStatus: string;
  @Column({ type: 'varchar', length: 16 }) phone: string;
  @Column({ type: 'varchar', length: 32 }) education: string;
  @Column({ type: 'varchar', length: 32 }) healthStatus: string;
}

/** 法人基础信息: legal persons, keyed by USCC. */
@Entity('legal_person_record')
export class LegalPersonRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) uscc: string;
  @Column({ type: 'varchar', length: 128 }) name: string;
  @Column({ type: 'varchar', length: 32 }) legalRepresentative: string;
  @Column({ type: 'varchar', length: 18 }) legalRepresentativeId: string;
  @Column({ type: 'double' }) registeredCapital: number;
  @Column({ type: 'varchar', length: 256 }) address: string;
  @Column({ type: 'varchar', length: 16 }) status: string;
  @Column({ type: 'varchar', length: 10 }) establishedOn: string;
  @Column({ type: 'varchar', length: 32 }) industry: string;
}

/** 社会信用信息: one rating per legal person. */
@Entity('credit_record')
export class CreditRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) subjectUscc: string;
  @Column({ type: 'varchar', length: 2 }) rating: string;
  @Column({ type: 'boolean' }) dishonest: boolean;
  @Column({ type: 'varchar', length: 10 }) recordDate: string;
  @Column({ type: 'varchar', length: 128 }) sourceAgency: string;
}

/** 电子证照: certificates, keyed by certificate number. */
@Entity('certificate_record')
export class CertificateRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 40 }) certificateNo: string;
  @Column({ type: 'varchar', length: 16 }) type: string;
  @Column({ type: 'varchar', length: 18 }) holderId: string;
  @Column({ type: 'varchar', length: 128 }) holderName: string;
  @Column({ type: 'varchar', length: 128 }) issuingAuthority: string;
  @Column({ type: 'varchar', length: 10 }) issuedOn: string;
  @Column({ type: 'varchar', length: 10, nullable: true, default: null }) expiresOn: string | null;
}

/** 自然资源和空间地理: land parcels, keyed by parcel code. */
@Entity('land_parcel_record')
export class LandParcelRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 20 }) parcelCode: string;
  @Column({ type: 'varchar', length: 16 }) landUse: string;
  @Column({ type: 'double' }) areaMu: number;
  @Column({ type: 'varchar', length: 18 }) rightsHolderId: string;
  @Column({ type: 'varchar', length: 128 }) rightsHolderName: string;
}

/** 最低生活保障对象: a county's social assistance roll, keyed by citizen ID number. */
@Entity('assistance_record')
export class AssistanceRow extends RecordBase {
  @PrimaryColumn({ type: 'varchar', length: 18 }) idNumber: string;
  @Column({ type: 'varchar', length: 32 }) name: string;
  @Column({ type: 'int' }) householdSize: number;
  @Column({ type: 'double' }) monthlyAllowance: number;
  @Column({ type: 'varchar', length: 64 }) hardshipReason: string;
}

export const RECORD_ENTITIES = [PersonRow, LegalPersonRow, CreditRow, CertificateRow, LandParcelRow, AssistanceRow];
