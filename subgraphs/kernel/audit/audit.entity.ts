import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One traceable event (001 art. 25, 004 art. 44): a data access — allowed or denied — or a step of
 * an application. Records are hash-chained per platform: each row's hash covers its content and the
 * previous row's hash, so an altered or deleted row breaks the chain (`npm run audit:verify`).
 */
@Entity('audit_record')
@Index(['agencyUscc', 'seq'])
@Index(['resourceId', 'seq'])
@ObjectType('AuditRecord')
@Directive('@shareable')
export class AuditRecord {
  @PrimaryColumn({ type: 'int' })
  @Field(() => Int)
  seq: number;

  /** ISO-8601 instant, stored as text so the hashed form and the stored form are the same. */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  @Field()
  at: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  requestId: string;

  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID)
  agencyUscc: string;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  userSub: string;

  /** The requester's jurisdiction at the time, from the registry: authorities read the trail of their own subtree (004 art. 44, 50). */
  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  agencyJurisdiction: string | null;

  /** READ, VERIFY, or an application step such as SHARE_APPLY. */
  @Index()
  @Column({ type: 'varchar', length: 32 })
  @Field()
  action: string;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  @Field(() => ID, { nullable: true })
  resourceId: string | null;

  /** The jurisdiction of the resource's data, when the event concerns one: its authority reads who reached it. */
  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  resourceJurisdiction: string | null;

  /** JSON list of item codes this event concerns. */
  @Column({ type: 'text' })
  itemsJson: string;

  @Field(() => [String])
  get items(): string[] {
    return JSON.parse(this.itemsJson);
  }

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field({ description: 'ALLOW, ALLOW_MASKED, DENY, or DONE for workflow steps' })
  effect: string;

  /** A decision's reason code (NO_GRANT, ...) or a workflow step's stated reason. */
  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true, default: null })
  @Field(() => ID, { nullable: true })
  grantId: string | null;

  /** As stated by the requester; application purposes may be up to 1024 characters. */
  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  purpose: string | null;

  /** How the data was reached: a root field, or `_entities` (another subgraph's object, via the gateway). */
  @Column({ type: 'varchar', length: 16 })
  @Field()
  accessPath: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Records touched' })
  recordCount: number;

  /** JSON list of record keys touched (capped; recordCount is exact). */
  @Column({ type: 'text' })
  recordKeysJson: string;

  @Field(() => [String])
  get recordKeys(): string[] {
    return JSON.parse(this.recordKeysJson);
  }

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  hash: string;
}

/** The end of the chain, locked while a batch is appended so concurrent writers stay in order. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  lastSeq: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash: string;
}
