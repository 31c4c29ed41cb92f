import { PlatformModule } from '../../kernel/module';
import { AgencyEvaluationFields, PlatformEvaluation } from './graphql/evaluation.resolver';

/**
 * The annual agency evaluation (004 art. 39, 41), mounted by every level: figures from the procedures
 * each agency took part in at its level, late steps as violations (art. 49), a ranking. docs/evaluation.md.
 */
export const evaluationModule: PlatformModule = {
  name: 'evaluation',
  entities: [],
  resolvers: [PlatformEvaluation, AgencyEvaluationFields],
};
