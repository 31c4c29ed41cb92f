import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Level } from '../../kernel/levels';
import { ShareMode } from '../catalog/enums';

export enum ApplicationState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * An agency's application for CONDITIONAL items of a resource (004 art. 23), kept by the platform
 * that holds the resource and decided by its data source department (数源部门).
 */
@Entity('share_application')
@Index(['applicantUscc', 'resourceId'])
export class ShareApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 18 })
  applicantUscc: string;

  @Column({ type: 'varchar', length: 8 })
  applicantLevel: Level;

  @Column({ type: 'varchar', length: 6 })
  applicantJurisdiction: string;

  @Column({ type: 'varchar', length: 128 })
  applicantUser: string;

  /** The data source department that decides (copied from the resource when applying). */
  @Index()
  @Column({ type: 'varchar', length: 18 })
  sourceDepartmentUscc: string;

  @Column({ type: 'varchar', length: 6 })
  resourceJurisdiction: string;

  @Column({ type: 'varchar', length: 1024 })
  scenario: string;

  @Column({ type: 'varchar', length: 1024 })
  purpose: string;

  /** JSON list of requested item codes. */
  @Column({ type: 'text' })
  requestedItemsJson: string;

  @Column({ type: 'varchar', length: 16 })
  shareMode: ShareMode;

  @Column({ type: 'datetime' })
  requestedEndDate: Date;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  state: ApplicationState;

  @Column({ type: 'datetime' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  decidedBy: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  decidedAt: Date | null;

  /** JSON list of approved item codes (may be fewer than requested). */
  @Column({ type: 'text', nullable: true, default: null })
  approvedItemsJson: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  refusalReason: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  refusalLegalBasis: string | null;

  /** When the approved data was made available (interface grants: at approval; files: when sent). */
  @Column({ type: 'datetime', nullable: true, default: null })
  deliveredAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  deliveredBy: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  grantId: string | null;

  /** The applicant took the application back before a decision (who and when, for traceability, 001 art. 25). */
  @Column({ type: 'datetime', nullable: true, default: null })
  withdrawnAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  withdrawnBy: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
