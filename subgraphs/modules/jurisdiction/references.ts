import { RequestContext } from '../../kernel/context';
import { Jurisdiction } from './jurisdiction.entity';
import { jurisdictionByCode } from './jurisdiction.loaders';

/**
 * A division as any level's field answers it: the region from its registry, the other levels as a
 * reference the gateway resolves at the region.
 */
export function jurisdictionOf(ctx: RequestContext, code: string): Promise<Jurisdiction | null> | { code: string } {
  return ctx.level === 'REGION' ? jurisdictionByCode(ctx).load(code) : { code };
}
