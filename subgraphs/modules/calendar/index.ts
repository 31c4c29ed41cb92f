import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Arg, Ctx, Directive, Field, FieldResolver, InputType, Int, ObjectType, Resolver } from 'type-graphql';
import { readArrangementFile, validateArrangement, YearArrangement } from '../../kernel/calendar';
import { RequestContext } from '../../kernel/context';
import { badInput, forbidden } from '../../kernel/errors';
import { Level, levelName } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { callPlatform } from '../../kernel/service-client';
import { LevelMutation } from '../../kernel/graphql/ownership';
import { Platform } from '../platform/platform.type';
import { CalendarArrangementRow } from './arrangement.entity';
import { ListSize } from '../../kernel/graphql/list-size';

@InputType({ description: "A year's statutory holiday arrangement as published by the State Council" })
class YearArrangementInput {
  @Field(() => Int) year: number;
  @Field(() => [String], { description: 'YYYY-MM-DD days off' }) holidays: string[];
  @Field(() => [String], { description: 'YYYY-MM-DD adjusted working weekend days (调休)' }) workdays: string[];
  @Field({ description: 'Where the arrangement comes from, e.g. the notice number' }) source: string;
}

@ObjectType()
@Directive('@shareable')
class CalendarCoverage {
  @Field(() => Int) year: number;
  @Field({ description: 'Working days of this year are known (package data or a loaded arrangement)' }) covered: boolean;
  @Field({ description: 'An operator loaded this year' }) loaded: boolean;
}

const LOWER: Level[] = ['CITY', 'COUNTY'];

/**
 * The working-day calendar as operators maintain it (issue 3 item 4): chinese-days knows the years
 * its release shipped with; later years are loaded from `calendar/YYYY.json` at start or by the
 * region authority's mutation, which every level stores in its own database.
 */
@Resolver(() => Platform)
export class PlatformCalendar {
  @ListSize({ assumedSize: 10 })
  @FieldResolver(() => [CalendarCoverage], { nullable: true, description: "Which years this platform's working-day calendar knows" })
  calendarCoverage(@Ctx() ctx: RequestContext, @Arg('years', () => [Int]) years: number[]): CalendarCoverage[] {
    return years.map((year) => ({ year, covered: ctx.calendar.covers(year), loaded: ctx.calendar.loadedYears().includes(year) }));
  }
}

/** Stores and applies an arrangement at this level, after checking that the region authority sent it. */
async function storeArrangement(ctx: RequestContext, input: YearArrangementInput): Promise<YearArrangement> {
  const me = ctx.identity;
  if (!me.roles.includes('AUTHORITY_REVIEWER') || me.level !== 'REGION') {
    throw forbidden('the statutory holiday arrangement is loaded by the region authority (role AUTHORITY_REVIEWER at REGION level)');
  }
  let arrangement: YearArrangement;
  try {
    arrangement = validateArrangement({ ...input });
  } catch (error) {
    throw badInput(`arrangement.${(error as Error).message.split(':')[0]}`, (error as Error).message);
  }
  await ctx.db.getRepository(CalendarArrangementRow).save({
    year: arrangement.year,
    holidays: JSON.stringify(arrangement.holidays),
    workdays: JSON.stringify(arrangement.workdays),
    source: arrangement.source,
    loadedBy: me.sub,
    loadedAt: ctx.now,
  });
  ctx.calendar.load(arrangement);
  return arrangement;
}

/** The region authority loads a year's arrangement; the region passes it on to the lower levels. */
@Resolver()
export class CalendarLoading {
  @LevelMutation(() => Int, { pattern: 'load{Level}WorkingCalendar', description: 'Region authority only: a year\'s State Council arrangement, for every level (the region passes it on to the city and county platforms)' })
  async load(@Arg('arrangement') input: YearArrangementInput, @Ctx() ctx: RequestContext): Promise<number> {
    const arrangement = await storeArrangement(ctx, input);
    for (const lower of LOWER) {
      await callPlatform(ctx.config, lower, {
        query: `mutation($a: YearArrangementInput!) { ${levelName(lower, 'receive{Level}WorkingCalendar')}(arrangement: $a) }`,
        variables: { a: input },
        authorization: ctx.authorization,
        requestId: ctx.requestId,
      });
    }
    return arrangement.year;
  }
}

/** Platform-internal: a lower level receives what the region authority loaded. */
@Resolver()
export class CalendarReception {
  @LevelMutation(() => Int, { pattern: 'receive{Level}WorkingCalendar', description: 'Platform-internal: the region passes on an arrangement its authority loaded' })
  @Directive('@inaccessible')
  async receive(@Arg('arrangement') input: YearArrangementInput, @Ctx() ctx: RequestContext): Promise<number> {
    return (await storeArrangement(ctx, input)).year;
  }
}

export const calendarModule: PlatformModule = {
  name: 'calendar',
  entities: [CalendarArrangementRow],
  resolvers: [PlatformCalendar],
  async seed({ db, calendar, config }) {
    if (existsSync(config.calendarDir)) {
      for (const file of readdirSync(config.calendarDir).filter((f) => /^\d{4}\.json$/.test(f)).sort()) {
        calendar.load(readArrangementFile(path.join(config.calendarDir, file)));
      }
    }
    // What an authority loaded wins over a file shipped with the code.
    for (const row of await db.getRepository(CalendarArrangementRow).find()) {
      calendar.load({ year: row.year, holidays: JSON.parse(row.holidays), workdays: JSON.parse(row.workdays), source: row.source });
    }
  },
};

/** Loading an arrangement: at the region only. */
export const calendarLoadingModule: PlatformModule = { name: 'calendar-loading', entities: [], resolvers: [CalendarLoading] };

/** Receiving it: at the city and county platforms. */
export const calendarReceptionModule: PlatformModule = { name: 'calendar-reception', entities: [], resolvers: [CalendarReception] };
