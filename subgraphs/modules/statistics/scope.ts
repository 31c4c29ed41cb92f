import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput } from '../../kernel/errors';
import { requireAuthorityOver, requireRole } from '../../kernel/graphql/guards';
import { levelOfDivisionCode, subtreePrefix } from '../../kernel/identifiers';

/**
 * What a statistics request covers: a jurisdiction subtree (an authority sees its own; the region's
 * sees all) and an optional period of filing. Every statistic applies it the same way.
 */
export class StatisticsScope {
  private constructor(
    readonly jurisdictionCode: string,
    readonly from: Date | null,
    readonly to: Date | null,
    readonly dueWithinWorkingDays: number,
  ) {}

  /** AUTHORITY_REVIEWER only, within its own jurisdiction; the period's end after its start. */
  static of(ctx: RequestContext, args: { jurisdictionCode?: string | null; from?: Date | null; to?: Date | null; dueWithinWorkingDays: number }): StatisticsScope {
    const code = args.jurisdictionCode ?? requireRole(ctx, 'statistics', 'AUTHORITY_REVIEWER').jurisdiction;
    requireDivision(code, 'jurisdictionCode');
    requireAuthorityOver(ctx, 'jurisdictionCode', code);
    if (args.from && args.to && args.from.getTime() >= args.to.getTime()) throw badInput('to', 'the period ends after it starts');
    if (!Number.isInteger(args.dueWithinWorkingDays) || args.dueWithinWorkingDays < 0 || args.dueWithinWorkingDays > 60) throw badInput('dueWithinWorkingDays', 'a whole number of working days from 0 to 60');
    return new StatisticsScope(code, args.from ?? null, args.to ?? null, args.dueWithinWorkingDays);
  }

  get prefix(): string {
    return `${subtreePrefix(this.jurisdictionCode)}%`;
  }

  /**
   * Rows any of whose `columns` (jurisdiction codes) lies in the subtree. The region's whole territory
   * holds every row, also those no jurisdiction is recorded for (a reflow run before its first page).
   */
  restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: readonly string[]): SelectQueryBuilder<T> {
    if (levelOfDivisionCode(this.jurisdictionCode) === 'REGION') return qb;
    return qb.andWhere(`(${columns.map((c) => `${c} LIKE :scopePrefix`).join(' OR ')})`, { scopePrefix: this.prefix });
  }

  /** Rows whose `column` lies in the period (either end may be open). */
  period<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, asText = false): SelectQueryBuilder<T> {
    const value = (date: Date) => (asText ? date.toISOString() : date);
    if (this.from) qb.andWhere(`${column} >= :periodFrom`, { periodFrom: value(this.from) });
    if (this.to) qb.andWhere(`${column} < :periodTo`, { periodTo: value(this.to) });
    return qb;
  }
}
