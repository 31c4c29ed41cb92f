import { LevelDefinition } from '../kernel/module';
import { agencyRegistryModule, agencyReplicaModule } from '../modules/agency';
import { auditModule } from '../modules/audit';
import { calendarModule, calendarReceptionModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { demandModule } from '../modules/demand';
import { platformModule } from '../modules/platform';
import { qualityModule } from '../modules/quality';
import { explainModule } from '../modules/explain';
import { statisticsModule } from '../modules/statistics';
import { evaluationModule } from '../modules/evaluation';
import { openDataUserReplicaModule, openingModule } from '../modules/opening';
import { recordsModule } from '../modules/records';
import { reflowModule } from '../modules/reflow';
import { sharingModule } from '../modules/sharing';
import { upwardFilingModule, upwardModule } from '../modules/upward';
import { countyMigrations } from './migrations';

/** The banner/county platform: one service for every banner and county. */
export const countyDefinition: LevelDefinition = {
  level: 'COUNTY',
  modules: [auditModule, agencyRegistryModule, agencyReplicaModule, platformModule, calendarModule, calendarReceptionModule, catalogModule, sharingModule, recordsModule, openingModule, openDataUserReplicaModule, qualityModule, explainModule, statisticsModule, evaluationModule, demandModule, upwardModule, upwardFilingModule, reflowModule],
  migrations: countyMigrations,
};
