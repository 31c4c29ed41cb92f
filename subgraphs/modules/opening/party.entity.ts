import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartyKindEnum } from '../../kernel/graphql/enums';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartyKind } from '../../kernel/auth/identity';

/**
 * 开放数据用户: a natural person (citizen ID number) or an organisation (USCC) registered with this
 * platform, after the real-name check of its public data authority, to apply for conditionally open
 * data (004 art. 28 ¶2). A party's token is honoured only for a registered party (kernel/auth/identity.ts).
 */
@Entity('open_data_party')
@ObjectType('OpenDataUser', { description: 'A person or organisation registered to apply for conditionally open data' })
@Directive('@shareable')
export class OpenDataParty {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  @Field(() => ID, { description: 'Citizen ID number or USCC' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PartyKindEnum)
  kind: PartyKind;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  name: string;

  @Column({ type: 'datetime' })
  @Field()
  registeredAt: Date;

  /** The authority user who registered it. */
  @Column({ type: 'varchar', length: 128 })
  registeredBy: string;
}
