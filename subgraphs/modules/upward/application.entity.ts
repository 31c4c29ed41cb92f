import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Level } from '../../kernel/levels';
import { ShareMode } from '../catalog/enums';
import { UpwardStepState } from './enums';

/**
 * One level's record of an upward application (004 art. 25): the facts the requester filed, copied
 * along as the application travels (same id at every level), and this level's authority step. The
 * holder's decision is the share application the holder's platform keeps under the same id.
 */
@Entity('upward_application')
@Index(['requesterUscc', 'filedAt'])
@Index(['stepJurisdiction', 'stepState'])
export class UpwardApplicationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  requesterUscc: string;

  @Column({ type: 'varchar', length: 128 })
  requesterUser: string;

  @Column({ type: 'varchar', length: 8 })
  requesterLevel: Level;

  @Column({ type: 'varchar', length: 6 })
  requesterJurisdiction: string;

  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 40 })
  resourceCode: string;

  @Column({ type: 'varchar', length: 8 })
  resourceLevel: Level;

  @Column({ type: 'varchar', length: 6 })
  resourceJurisdiction: string;

  /** 数源部门 of the resource when filed: its reviewers decide at the holder. */
  @Column({ type: 'varchar', length: 18 })
  sourceDepartmentUscc: string;

  /** JSON list of the CONDITIONAL item codes asked for. */
  @Column({ type: 'text' })
  itemsJson: string;

  get items(): string[] {
    return JSON.parse(this.itemsJson);
  }

  @Column({ type: 'varchar', length: 1024 })
  scenario: string;

  @Column({ type: 'varchar', length: 1024 })
  purpose: string;

  /** The law or duty the requester's use rests on. */
  @Column({ type: 'varchar', length: 1024 })
  legalBasis: string;

  @Column({ type: 'varchar', length: 16 })
  shareMode: ShareMode;

  @Column({ type: 'datetime' })
  requestedEndDate: Date;

  @Column({ type: 'datetime' })
  filedAt: Date;

  @Column({ type: 'datetime', nullable: true, default: null })
  withdrawnAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  withdrawnBy: string | null;

  /** The authority whose step this level's platform keeps (a county, a city, or the region). */
  @Column({ type: 'varchar', length: 6 })
  stepJurisdiction: string;

  @Column({ type: 'varchar', length: 16 })
  stepState: UpwardStepState;

  /** When the application reached this authority; its time limit counts from here. */
  @Column({ type: 'datetime' })
  stepReceivedAt: Date;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  stepActorSub: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  stepActorAgency: string | null;

  /** Why it was refused, or a note passed on with it. */
  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  stepReason: string | null;

  /** The legal basis of a refusal (004 art. 23). */
  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  stepLegalBasis: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  stepDecidedAt: Date | null;
}
