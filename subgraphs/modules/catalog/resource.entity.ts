import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Level } from '../../kernel/levels';
import type { ShareScope } from '../../kernel/policy';
import { BasicDatabase, CatalogState, DataForm, UpdateFrequency } from './enums';

/**
 * 数据资源: one version of a catalog resource, stored by the platform of the level that owns it.
 * Versions of one resource share a lineage; publishing a version supersedes the previous one.
 * Share and open types are not stored: they derive from the items (004 art. 21 is per item).
 */
@Entity('catalog_resource')
@Index(['code', 'version'], { unique: true })
export class CatalogResourceRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  lineageId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 16 })
  dataForm: DataForm;

  @Column({ type: 'varchar', length: 32 })
  format: string;

  @Column({ type: 'varchar', length: 16 })
  updateFrequency: UpdateFrequency;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  basicDatabase: BasicDatabase | null;

  /** The record table on this platform that holds the resource's data (none for catalog-only entries). */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dataTable: string | null;

  /** 共享范围 (004 art. 10 ¶4): which agencies the sharing applies to; null: every agency. */
  @Column({ type: 'simple-json', nullable: true, default: null })
  shareScope: ShareScope | null;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  providerUscc: string;

  @Column({ type: 'varchar', length: 18 })
  sourceDepartmentUscc: string;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  collectingDepartmentUscc: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true, default: null })
  approvingDepartmentUscc: string | null;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  jurisdictionCode: string;

  @Column({ type: 'varchar', length: 8 })
  level: Level;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  state: CatalogState;

  /** Why a new version was started (legal basis or duties changed) and when: starts the 15-working-day update clock (004 art. 11). */
  @Column({ type: 'varchar', length: 512, nullable: true, default: null })
  revisionTrigger: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  revisionTriggeredAt: Date | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  submittedAt: Date | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
