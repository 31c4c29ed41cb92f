import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput } from '../../../kernel/errors';
import { asDate, Connection, ConnectionArgs, isoOf, listPage, sqlPage } from '../../../kernel/graphql/connection';
import { ConnectionSize } from '../../../kernel/graphql/list-size';
import { checkUscc } from '../../../kernel/identifiers';
import { Platform } from '../../platform/platform.type';
import { responsibilityDue } from '../demand.service';
import { DemandApplication } from '../demand.entity';
import { DemandState } from '../enums';
import { demandList, responsibilityList } from '../lists';
import { negativeList, NegativeListEntry } from '../negative-list';
import { ResponsibilityEntry } from '../responsibility.entity';
import { DemandApplicationConnection, NegativeListEntryConnection, ResponsibilityEntryConnection } from './types';

@ArgsType()
class DemandsArgs extends ConnectionArgs {
  @Field(() => DemandState, { nullable: true }) state?: DemandState;
}

@ArgsType()
class ResponsibilityListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "The source department (default: the caller's agency)" }) agencyUscc?: string;
}

@ArgsType()
class NegativeListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'This division and every division below it' }) jurisdictionCode?: string;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

/** The demand procedure's lists on each level's platform (004 art. 20, 24). */
@Resolver(() => Platform)
export class PlatformDemands {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => DemandApplicationConnection, { nullable: true, description: "需求清单: the caller's own demands, those its authority reviews and those waiting on its department, newest first" })
  demands(@Args() args: DemandsArgs, @Ctx() ctx: RequestContext): Promise<Connection<DemandApplication>> {
    return sqlPage(demandList(ctx, args.state ?? null), [
      { expression: 'd.submittedAt', direction: 'DESC', value: (d) => isoOf(d.submittedAt), parse: asDate },
      { expression: 'd.id', direction: 'ASC', value: (d) => d.id },
    ], args, PAGE);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => ResponsibilityEntryConnection, { nullable: true, description: '责任清单 of a source department, earliest due first' })
  async responsibilityList(@Args() args: ResponsibilityListArgs, @Ctx() ctx: RequestContext): Promise<Connection<ResponsibilityEntry>> {
    const uscc = args.agencyUscc ?? ctx.identity.agency;
    const check = checkUscc(uscc);
    if (!check.valid) throw badInput('agencyUscc', `'${uscc}' is not a valid USCC: ${check.reason}`);
    return listPage(await responsibilityList(ctx, uscc), [
      { direction: 'ASC', value: (entry) => responsibilityDue(ctx, entry).dueDay },
      { direction: 'ASC', value: (entry) => isoOf(entry.confirmedAt) },
      { direction: 'ASC', value: (entry) => entry.id },
    ], args, PAGE);
  }

  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => NegativeListEntryConnection, { nullable: true, description: "负面清单: NOT_SHARED items of this platform's published catalog, in a jurisdiction and below it" })
  async negativeList(@Args() args: NegativeListArgs, @Ctx() ctx: RequestContext): Promise<Connection<NegativeListEntry>> {
    if (args.jurisdictionCode) requireDivision(args.jurisdictionCode, 'jurisdictionCode');
    return listPage(await negativeList(ctx, args.jurisdictionCode ?? null), [
      { direction: 'ASC', value: (entry) => entry.resourceCode },
      { direction: 'ASC', value: (entry) => String(entry.itemPosition).padStart(6, '0') },
    ], args, PAGE);
  }
}
