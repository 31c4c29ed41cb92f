import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { OwnedBy } from '../../kernel/graphql/ownership';
import type { Level } from '../../kernel/levels';

/** The region keeps the registry; the other levels refer to a division by its code. */
@Entity('jurisdiction')
@ObjectType({ description: 'An administrative division (GB/T 2260) of Inner Mongolia and the platform level that serves it' })
@Directive('@key(fields: "code")')
@OwnedBy('REGION')
export class Jurisdiction {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  @Field(() => ID, { description: 'Six-digit GB/T 2260 division code' })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  name: string;

  @Index()
  @Column({ type: 'varchar', length: 8 })
  @Field(() => PlatformLevel)
  level: Level;

  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true, default: null })
  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'A development zone listed by NBS for statistics only, not an administrative division' })
  statisticalOnly: boolean;
}
