import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { OwnedBy } from '../../kernel/graphql/ownership';
import type { Level } from '../../kernel/levels';
import { Sector } from './sectors';

registerEnumType(Sector, { name: 'Sector', description: 'What an agency is responsible for; DATA_AUTHORITY is the public data authority of its jurisdiction' });

/**
 * The agency registry: owned by the region, which passes every registration down, so that each
 * level's platform finds the identity of every request in its own database (registry.ts).
 */
@Entity('agency')
@ObjectType({ description: 'A public management and service agency (公共管理和服务机构), identified by its USCC' })
@Directive('@key(fields: "uscc")')
@OwnedBy('REGION')
export class Agency {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'Unified Social Credit Code (GB 32100-2015)' })
  uscc: string;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  name: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  @Field(() => Sector)
  sector: Sector;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  @Field(() => ID)
  jurisdictionCode: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => PlatformLevel)
  level: Level;

  /** 数源部门: it legally collects data, so its reviewers may decide on applications for that data (004 art. 23). */
  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Registered as a data source department (数源部门), which legally collects data' })
  isSourceDepartment: boolean;

  @Field(() => Boolean, { description: 'True for the public data authority (公共数据主管部门) of its jurisdiction' })
  get isAuthority(): boolean {
    return this.sector === Sector.DATA_AUTHORITY;
  }
}
