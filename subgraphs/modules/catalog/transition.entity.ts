import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CatalogState } from './enums';

/** Who moved a catalog resource from one state to another, when, and why (004 art. 44: traceable). */
@Entity('catalog_transition')
@ObjectType('CatalogTransition')
@Directive('@shareable')
export class CatalogTransition {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  resourceId: string;

  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  @Field(() => CatalogState, { nullable: true })
  fromState: CatalogState | null;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => CatalogState)
  toState: CatalogState;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'The user (token subject) who acted' })
  actor: string;

  @Column({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'USCC of the agency the user acted for' })
  actorAgency: string;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Column({ type: 'datetime' })
  @Field()
  at: Date;
}
