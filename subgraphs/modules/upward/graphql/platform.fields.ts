import { Arg, Args, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { asDate, Connection, ConnectionArgs, isoOf, sqlPage } from '../../../kernel/graphql/connection';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { Platform } from '../../platform/platform.type';
import { UpwardApplicationRow } from '../application.entity';
import { ownApplications, waitingOnCaller } from '../queries';
import { UpwardApplication, UpwardApplicationConnection } from './application.type';

const PAGE = { defaultSize: 50, maxSize: 200 };

/** Upward applications on each level's platform: the ones its agencies filed, and the ones waiting on the caller. */
@Resolver(() => Platform)
export class PlatformUpward {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => UpwardApplicationConnection, { nullable: true, description: "The caller's agency's upward applications filed on this platform (counties and cities file; the region none), newest first" })
  upwardApplications(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<UpwardApplicationRow>> {
    return sqlPage(ownApplications(ctx), [
      { expression: 'u.filedAt', direction: 'DESC', value: (u) => isoOf(u.filedAt), parse: asDate },
      { expression: 'u.id', direction: 'ASC', value: (u) => u.id },
    ], args, PAGE);
  }

  @ListSize({ assumedSize: 100 })
  @FieldResolver(() => [UpwardApplication], { nullable: true, description: "Supervision (督办): applications waiting on the caller's authority or department, due within N working days or overdue (all when N is left out), most urgent first" })
  upwardApplicationsWaiting(@Ctx() ctx: RequestContext, @Arg('dueWithinWorkingDays', () => Int, { nullable: true }) dueWithinWorkingDays?: number) {
    return waitingOnCaller(ctx, dueWithinWorkingDays ?? undefined);
  }
}
