import { Arg, Ctx, FieldResolver, ID, Resolver } from 'type-graphql';
import { beijingDay, endOfBeijingDay } from '../../../kernel/calendar';
import { RequestContext } from '../../../kernel/context';
import { badInput, notFound, platformError } from '../../../kernel/errors';
import { levelLocalId } from '../../../kernel/graphql/global-id';
import { Cost } from '../../../kernel/graphql/list-size';
import { Decision } from '../../../kernel/policy';
import { Platform } from '../../platform/platform.type';
import { DataResource, dataResources, decisionFor, shareDenied } from '../enforcement';
import { recordByKey } from '../loaders';
import { recordSource } from '../sources';

export const BUDGET_EXHAUSTED = 'VERIFICATION_BUDGET_EXHAUSTED' as const;

/**
 * Verification answers one bit — does this value match? — and is the one use even NOT_SHARED items
 * allow (004 art. 21; 000 art. 21: 核验、比对). Unbounded, those bits add up to the value: twenty
 * guesses at a person's ethnicity find it. So each agency gets a few answers per record and item per
 * Beijing day (config.verification.perRecordItem, 3) — enough to check a value and a corrected
 * typing of it, too few to walk a list of candidates — and a daily total across records; every
 * attempt counts, at every replica (shared state). Refusals are audited with their reason, so the
 * authority sees who exhausted a budget in its audit trail (004 art. 23: data serves the approved use).
 */
async function spendAttempt(ctx: RequestContext, resource: DataResource, key: string, itemCode: string): Promise<string | null> {
  const { perRecordItem, perAgency } = ctx.config.verification;
  const day = beijingDay(ctx.now);
  const untilDayEnds = endOfBeijingDay(day).getTime() - ctx.now.getTime() + 60 * 60 * 1000;
  const [forRecord, forAgency] = await Promise.all([
    ctx.shared.increment(`verify:${day}:${ctx.identity.agency}:${resource.id}:${key}:${itemCode}`, untilDayEnds),
    ctx.shared.increment(`verify:${day}:${ctx.identity.agency}`, untilDayEnds),
  ]);
  if (forRecord > perRecordItem) return `${itemCode} of record ${key} has been verified ${perRecordItem} times today by ${ctx.identity.agency}; verification answers no more guesses (004 art. 23)`;
  if (forAgency > perAgency) return `${ctx.identity.agency} has used its ${perAgency} verifications of today`;
  return null;
}

@Resolver(() => Platform)
export class PlatformVerification {
  @FieldResolver(() => Boolean, { nullable: true, description: "Verification (核验) of one item of one record of this platform's resource: true when the value matches; a few answers per record and item each day" })
  @Cost(10)
  async verifyRecord(
    @Arg('resourceId', () => ID, { description: 'A published resource of this platform' }) resourceId: string,
    @Arg('key', () => ID) key: string,
    @Arg('item') itemCode: string,
    @Arg('value') value: string,
    @Ctx() ctx: RequestContext,
    @Arg('purpose', () => String, { nullable: true }) purpose?: string,
  ): Promise<boolean> {
    const localId = levelLocalId(ctx.level, 'resourceId', resourceId, 'Resource', () => 'verifyRecord on that platform');
    const resource = (await dataResources(ctx)).find((r) => r.id === localId);
    if (!resource) throw notFound(`resourceId: no published resource ${resourceId} with data on the ${ctx.level.toLowerCase()} platform`, { field: 'resourceId' });
    const item = resource.items.get(itemCode);
    if (!item) throw badInput('item', `${itemCode} is not an item of ${resource.code}`);
    const stated = purpose ?? ctx.statedPurpose;
    const decision = await decisionFor(ctx, resource, item, 'VERIFY', stated);
    if (decision.effect === 'DENY') {
      ctx.audit.access(resource, itemCode, decision, key, stated, 'ROOT', 'VERIFY');
      throw shareDenied(ctx, resource, itemCode, decision);
    }
    const exhausted = await spendAttempt(ctx, resource, key, itemCode);
    if (exhausted) {
      const refused: Decision = { effect: 'DENY', reason: BUDGET_EXHAUSTED, grantId: null, shareType: decision.shareType };
      ctx.audit.access(resource, itemCode, refused, key, stated, 'ROOT', 'VERIFY');
      throw platformError('SHARE_DENIED', exhausted, { item: itemCode, reason: BUDGET_EXHAUSTED, resourceId });
    }
    ctx.audit.access(resource, itemCode, decision, key, stated, 'ROOT', 'VERIFY');
    const source = recordSource(resource.table);
    const row = await recordByKey(ctx, source).load(key);
    if (!row || !String(row.divisionCode).startsWith(resource.prefix)) return false;
    const stored = row[source.columns[itemCode]];
    return stored !== null && stored !== undefined && String(stored).trim() === value.trim();
  }
}
