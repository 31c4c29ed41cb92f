import { PlatformModule } from '../../kernel/module';
import { PlatformStatisticsField, PlatformStatisticsFields } from './graphql/statistics.resolver';

/**
 * Statistics where the data lives (issue 16), mounted by every level: each level's platform counts its
 * own catalog, procedures, grants, reflow and audit trail, one aggregate statement per figure; the
 * region's `platforms { statistics { … } }` brings all three levels in one operation.
 */
export const statisticsModule: PlatformModule = {
  name: 'statistics',
  entities: [],
  resolvers: [PlatformStatisticsField, PlatformStatisticsFields],
};
