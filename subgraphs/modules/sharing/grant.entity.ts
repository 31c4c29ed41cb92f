import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ShareMode } from '../catalog/enums';

export enum GrantStatus {
  APPROVED = 'APPROVED',
  REVOKED = 'REVOKED',
}

/**
 * What an approval (004 art. 23) fixes: the using agency, the scenario, exactly the approved items
 * (least authorisation), the sharing mode and the end date. Kept by the platform that holds the data.
 */
@Entity('share_grant')
@Index(['agencyUscc', 'resourceId'])
export class ShareGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 18 })
  agencyUscc: string;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  /** JSON list of approved item codes. */
  @Column({ type: 'text' })
  itemCodesJson: string;

  get itemCodes(): string[] {
    return JSON.parse(this.itemCodesJson);
  }

  @Column({ type: 'varchar', length: 1024 })
  scenario: string;

  @Column({ type: 'varchar', length: 16 })
  mode: ShareMode;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: GrantStatus;

  @Column({ type: 'datetime', nullable: true, default: null })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  revokeReason: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
