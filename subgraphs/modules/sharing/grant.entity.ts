import { Directive, Field, ID, ObjectType } from 'type-graphql';
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
@ObjectType('ShareGrant')
@Directive('@shareable')
export class ShareGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID)
  applicationId: string;

  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the agency the data may be used by' })
  agencyUscc: string;

  @Column({ type: 'varchar', length: 36 })
  @Field(() => ID)
  resourceId: string;

  /** JSON list of approved item codes. */
  @Column({ type: 'text' })
  itemCodesJson: string;

  @Field(() => [String], { description: 'Exactly the approved items (least authorisation)' })
  get itemCodes(): string[] {
    return JSON.parse(this.itemCodesJson);
  }

  @Column({ type: 'varchar', length: 1024 })
  @Field()
  scenario: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ShareMode)
  mode: ShareMode;

  @Column({ type: 'datetime' })
  @Field()
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => String)
  status: GrantStatus;

  @Column({ type: 'datetime', nullable: true, default: null })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ type: 'datetime' })
  @Field()
  createdAt: Date;
}
