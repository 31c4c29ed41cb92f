import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReflowRunState, ReflowRunTrigger } from './enums';

/** One run of a subscription, kept by the receiving platform; its counters commit with each batch. */
@Entity('reflow_run')
@Index(['subscriptionId', 'queuedAt'])
@ObjectType('ReflowRun')
@Directive('@shareable')
export class ReflowRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  /** The subscription received (`subscription`). */
  @Column({ type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowRunTrigger)
  trigger: ReflowRunTrigger;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ReflowRunState)
  state: ReflowRunState;

  /** host:pid of the process running it, to tell a crashed run from a live one. */
  @Column({ type: 'varchar', length: 128 })
  owner: string;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  pages: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Rows received from the source, tombstones included' })
  rowsRead: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Rows inserted or updated at this platform' })
  rowsWritten: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Rows marked deleted because the source deleted them' })
  rowsDeleted: number;

  @Column({ type: 'text', nullable: true, default: null })
  @Field(() => String, { nullable: true, description: 'Why the run failed' })
  error: string | null;

  @Column({ type: 'datetime', precision: 3 })
  @Field()
  queuedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  /** Updated with every batch: a RUNNING run whose heartbeat stopped long ago was abandoned. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  heartbeatAt: Date | null;

  @Field(() => Float, { description: 'Rows written or deleted per second, from start to finish (or to the last batch)' })
  get rate(): number {
    if (!this.startedAt) return 0;
    const end = this.finishedAt ?? this.heartbeatAt ?? this.startedAt;
    const seconds = (end.getTime() - this.startedAt.getTime()) / 1000;
    return seconds > 0 ? Math.round((this.rowsWritten + this.rowsDeleted) / seconds) : 0;
  }
}

/**
 * Where the receiving platform stands on a subscription: the last (updatedAt, key) committed with a
 * batch, the shape those rows were written in, and which run holds the subscription (a lease every
 * batch checks, so two runs can never interleave their batches).
 */
@Entity('reflow_watermark')
export class ReflowWatermark {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  afterUpdatedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  afterKey: string | null;

  @Column({ type: 'text', nullable: true, default: null })
  shape: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  leaseRunId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  updatedAt: Date | null;
}
