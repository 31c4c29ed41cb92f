import { LevelDefinition } from '../kernel/module';
import { agencyApiModule, agencyRegistryModule } from '../modules/agency';
import { auditModule } from '../modules/audit';
import { calendarModule, calendarLoadingModule } from '../modules/calendar';
import { catalogModule, integratedCatalogModule } from '../modules/catalog';
import { demandModule } from '../modules/demand';
import { directoryModule } from '../modules/directory';
import { jurisdictionModule } from '../modules/jurisdiction';
import { platformModule } from '../modules/platform';
import { qualityModule } from '../modules/quality';
import { explainModule } from '../modules/explain';
import { statisticsModule } from '../modules/statistics';
import { evaluationModule } from '../modules/evaluation';
import { openDataUserRegistryModule, openingModule } from '../modules/opening';
import { recordsModule } from '../modules/records';
import { reflowModule } from '../modules/reflow';
import { sharingModule } from '../modules/sharing';
import { upwardHoldingModule, upwardModule, upwardReceptionModule } from '../modules/upward';
import { regionMigrations } from './migrations';

/** The autonomous region's platform: owner of the registries, the integrated catalog and the way into every level. */
export const regionDefinition: LevelDefinition = {
  level: 'REGION',
  modules: [
    auditModule, agencyRegistryModule, jurisdictionModule, agencyApiModule, directoryModule, platformModule, calendarModule, calendarLoadingModule, catalogModule, integratedCatalogModule,
    sharingModule, recordsModule, openingModule, openDataUserRegistryModule, qualityModule, explainModule, statisticsModule, evaluationModule, demandModule, upwardModule, upwardReceptionModule, upwardHoldingModule, reflowModule,
  ],
  migrations: regionMigrations,
};
