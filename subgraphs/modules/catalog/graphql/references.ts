import { entityRef } from '../../../kernel/graphql/entity-ref';
import { Level } from '../../../kernel/levels';
import { Agency } from '../../agency/agency.entity';
import { agencyByUscc } from '../../agency/agency.loaders';
import { Jurisdiction } from '../../jurisdiction/jurisdiction.entity';
import { jurisdictionByCode } from '../../jurisdiction/jurisdiction.loaders';
import { RequestContext } from '../../../kernel/context';

/**
 * Jurisdictions and agencies belong to the region's registries. The region answers them from its
 * own tables; the other levels return references the gateway resolves at the region.
 */
export function registryTypes(level: Level) {
  if (level === 'REGION') {
    return {
      JurisdictionType: Jurisdiction as Function,
      AgencyType: Agency as Function,
      jurisdiction: (ctx: RequestContext, code: string) => jurisdictionByCode(ctx).load(code),
      agency: (ctx: RequestContext, uscc: string) => agencyByUscc(ctx).load(uscc),
    };
  }
  return {
    JurisdictionType: entityRef('Jurisdiction', 'code', level),
    AgencyType: entityRef('Agency', 'uscc', level),
    jurisdiction: (_ctx: RequestContext, code: string) => ({ code }),
    agency: (_ctx: RequestContext, uscc: string) => ({ uscc }),
  };
}
