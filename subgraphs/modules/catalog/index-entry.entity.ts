import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Level } from '../../kernel/levels';
import { CatalogState, OpenType, ShareType, UpperReviewState } from './enums';

/**
 * The region's integrated three-level catalog (004 art. 10): one row per published resource
 * version of any level, as reported by the owning platform. Only the summary lives here; items,
 * state and records are answered by the owning level's platform.
 */
@Entity('catalog_index')
@Index(['code', 'id'])
export class CatalogIndexEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

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

  @Index()
  @Column({ type: 'varchar', length: 8 })
  level: Level;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  jurisdictionCode: string;

  @Index()
  @Column({ type: 'varchar', length: 18 })
  providerUscc: string;

  /** Derived when reported: the most permissive item's share / open type. */
  @Index()
  @Column({ type: 'varchar', length: 16 })
  shareType: ShareType;

  @Index()
  @Column({ type: 'varchar', length: 24 })
  openType: OpenType;

  /** PUBLISHED or SUPERSEDED: the index keeps old versions queryable. */
  @Index()
  @Column({ type: 'varchar', length: 16 })
  indexState: CatalogState;

  /** The resource's data format (e.g. CSV, MySQL table), for the open catalog's facets. */
  @Column({ type: 'varchar', length: 32, default: '' })
  format: string;

  /** Name, summary and item names, for text search. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'datetime' })
  publishedAt: Date;

  /**
   * The review by the authority one level up (004 art. 10 ¶2): a city's or county's publication is
   * PENDING until it approves; the region's own needs none and is APPROVED when it is published.
   */
  @Index()
  @Column({ type: 'varchar', length: 16, default: UpperReviewState.APPROVED })
  upperReview: UpperReviewState;

  /** The authority that reviews the report: the jurisdiction one level up; null for the region's own. */
  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true, default: null })
  reviewerJurisdiction: string | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  reportedAt: Date | null;

  @Column({ type: 'datetime', nullable: true, default: null })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  reviewedBy: string | null;

  /** Why it was returned (or what the approval notes): told to the reporting authority. */
  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;
}
