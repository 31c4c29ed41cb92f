import { RequestContext } from '../../kernel/context';
import { Agency } from './agency.entity';
import { agencyByUscc } from './agency.loaders';

/** An agency as any level's field answers it: the region from its registry, the others as a reference. */
export function agencyOf(ctx: RequestContext, uscc: string): Promise<Agency | null> | { uscc: string } {
  return ctx.level === 'REGION' ? agencyByUscc(ctx).load(uscc) : { uscc };
}
