import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { ShareGrant } from '../grant.entity';
import { grantsOf, revokeGrant } from '../grant.service';
import { ListSize } from '../../../kernel/graphql/list-size';

/** Grants on one level's platform: what approvals fixed (004 art. 23) and their revocation. */
export function grantLevelResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class ShareGrantOperations {
    @ListSize({ assumedSize: 100 })
    @Query(() => [ShareGrant], { name: name('{level}ShareGrants'), description: "An agency's grants at this platform (default: the caller's), as far as the caller may see them; newest first" })
    grants(@Ctx() ctx: RequestContext, @Arg('agencyUscc', () => ID, { nullable: true }) agencyUscc?: string) {
      return grantsOf(ctx, agencyUscc ?? ctx.identity.agency);
    }

    @Mutation(() => ShareGrant, { name: name('revoke{Level}ShareGrant'), description: 'The source department or an authority over the resource revokes a grant; it stops working at once' })
    revoke(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
      return revokeGrant(ctx, id, reason);
    }
  }

  return ShareGrantOperations;
}
