import { Directive, Field, ObjectType } from 'type-graphql';
import { PlatformLevel } from '../../kernel/graphql/enums';

@ObjectType({ description: 'The public data platform that serves a division at one level' })
@Directive('@shareable')
export class LevelPlatform {
  @Field(() => PlatformLevel)
  level: PlatformLevel;

  @Field({ description: 'e.g. 呼和浩特市公共数据平台' })
  name: string;

  @Field({ description: 'Name of the subgraph service that answers for this platform' })
  subgraph: string;
}
