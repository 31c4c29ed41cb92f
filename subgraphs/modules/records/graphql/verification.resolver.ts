import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { badInput, notFound } from '../../../kernel/errors';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { decisionFor, dataResources, shareDenied } from '../enforcement';
import { recordByKey } from '../loaders';
import { recordSource } from '../sources';

/**
 * 核验/比对 (004 art. 21): "does this value match the record for this key?" — true or false, never
 * the value. Allowed for every share type, NOT_SHARED included; recorded in the audit trail without
 * the value that was checked.
 */
export function verificationResolver(level: Level): Function {
  @Resolver()
  class VerificationResolver {
    @Query(() => Boolean, { name: levelName(level, 'verify{Level}Record'), description: 'Verification (核验) of one item of one record: true when the value matches' })
    async verify(
      @Arg('resourceId', () => ID) resourceId: string,
      @Arg('key', () => ID) key: string,
      @Arg('item') itemCode: string,
      @Arg('value') value: string,
      @Ctx() ctx: RequestContext,
      @Arg('purpose', () => String, { nullable: true }) purpose?: string,
    ): Promise<boolean> {
      const resource = (await dataResources(ctx)).find((r) => r.id === resourceId);
      if (!resource) throw notFound(`resourceId: no published resource ${resourceId} with data on the ${level.toLowerCase()} platform`, { field: 'resourceId' });
      const item = resource.items.get(itemCode);
      if (!item) throw badInput('item', `${itemCode} is not an item of ${resource.code}`);
      const decision = await decisionFor(ctx, resource, item, 'VERIFY');
      ctx.audit.access(resource, itemCode, decision, key, purpose ?? null, 'ROOT', 'VERIFY');
      if (decision.effect === 'DENY') throw shareDenied(resource, itemCode, decision, ctx.identity.agency);
      const source = recordSource(resource.table);
      const row = await recordByKey(ctx, source).load(key);
      if (!row || !String(row.divisionCode).startsWith(resource.prefix)) return false;
      const stored = row[source.columns[itemCode]];
      return stored !== null && stored !== undefined && String(stored).trim() === value.trim();
    }
  }
  return VerificationResolver;
}
