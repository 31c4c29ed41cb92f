import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { asDate, Connection, ConnectionArgs, isoOf, listPage, sqlPage } from '../../../kernel/graphql/connection';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { Platform } from '../../platform/platform.type';
import { ApplicationState, ShareApplication } from '../application.entity';
import { applicationsDue, applicationsOf } from '../application.queries';
import { ShareApplicationRole } from '../enums';
import { ShareGrant } from '../grant.entity';
import { grantsOf } from '../grant.service';
import { suspensionsOf } from '../suspension.service';
import { AgencySuspensionConnection, AgencySuspensionView, ShareApplicationConnection, ShareApplicationType, ShareGrantConnection } from './types';

@ArgsType()
class ShareApplicationsArgs extends ConnectionArgs {
  @Field(() => ShareApplicationRole, { description: "APPLICANT: the caller's agency's applications; REVIEWER: those addressed to its department" }) role: ShareApplicationRole;
  @Field(() => ApplicationState, { nullable: true }) state?: ApplicationState;
}

@ArgsType()
class ShareGrantsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "The agency whose grants (default: the caller's); others' only as far as the caller may see their applications" }) agencyUscc?: string;
}

@ArgsType()
class SuspensionsArgs extends ConnectionArgs {
  @Field({ defaultValue: true }) activeOnly: boolean;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

export const suspensionView = (row: Omit<AgencySuspensionView, 'active'>): AgencySuspensionView => ({ ...row, active: row.liftedAt === null });

/** What a platform keeps of conditional sharing (004 art. 23) and of its authorities' suspensions (004 art. 50). */
@Resolver(() => Platform)
export class PlatformSharing {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ShareApplicationConnection, { nullable: true, description: "Share applications on this platform's resources: the caller's agency's (APPLICANT) or those its department decides (REVIEWER), newest first" })
  shareApplications(@Args() args: ShareApplicationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<ShareApplication>> {
    return sqlPage(applicationsOf(ctx, args.role, args.state), [
      { expression: 'a.submittedAt', direction: 'DESC', value: (a) => isoOf(a.submittedAt), parse: asDate },
      { expression: 'a.id', direction: 'ASC', value: (a) => a.id },
    ], args, PAGE);
  }

  @ListSize({ assumedSize: 100 })
  @FieldResolver(() => [ShareApplicationType], { nullable: true, description: "Reminders (004 art. 23): pending applications waiting on the caller's department, due within N working days or overdue, most urgent first" })
  shareApplicationsDue(@Arg('withinWorkingDays', () => Int) withinWorkingDays: number, @Ctx() ctx: RequestContext) {
    return applicationsDue(ctx, withinWorkingDays);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ShareGrantConnection, { nullable: true, description: "An agency's grants at this platform, newest first" })
  async shareGrants(@Args() args: ShareGrantsArgs, @Ctx() ctx: RequestContext): Promise<Connection<ShareGrant>> {
    const grants = await grantsOf(ctx, args.agencyUscc ?? ctx.identity.agency);
    return listPage(grants, [
      { direction: 'DESC', value: (g) => isoOf(g.createdAt) },
      { direction: 'ASC', value: (g) => g.id },
    ], args, PAGE);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => AgencySuspensionConnection, { nullable: true, description: "Suspensions of agencies within the caller's authority (the region's: all), newest first" })
  async suspensions(@Args() args: SuspensionsArgs, @Ctx() ctx: RequestContext): Promise<Connection<AgencySuspensionView>> {
    const rows = (await suspensionsOf(ctx, args.activeOnly)).map(suspensionView);
    return listPage(rows, [
      { direction: 'DESC', value: (s) => isoOf(s.suspendedAt) },
      { direction: 'DESC', value: (s) => String((s as unknown as { id: number }).id).padStart(12, '0') },
    ], args, PAGE);
  }
}
