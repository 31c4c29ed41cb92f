import { PlatformModule } from '../../kernel/module';
import { AccessExplanationFields, ItemExplanationFields, PlatformExplain } from './graphql/explain.resolver';

/**
 * "Why is this denied?" (issue 16), mounted by every level: the decision field-level enforcement would
 * make for an agency, item by item, with its article and remedy — by the same `decide`, over the same
 * standing and catalog as every read, and without reading a value or recording an access.
 */
export const explainModule: PlatformModule = {
  name: 'explain',
  entities: [],
  resolvers: [PlatformExplain, AccessExplanationFields, ItemExplanationFields],
};
