import { auditModule } from '../kernel/audit/module';
import { LevelDefinition } from '../kernel/module';
import { agencyApiModule, agencyRegistryModule } from '../modules/agency';
import { jurisdictionModule } from '../modules/jurisdiction';
import { calendarModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { demandModule } from '../modules/demand';
import { platformModule } from '../modules/platform';
import { sharingModule } from '../modules/sharing';
import { recordsModule } from '../modules/records';
import { reflowModule } from '../modules/reflow';
import { upwardModule } from '../modules/upward';
import { regionMigrations } from './migrations';

/** The autonomous region's platform: owner of the jurisdiction and agency registries. */
export const regionDefinition: LevelDefinition = {
  level: 'REGION',
  modules: [auditModule('REGION'), agencyRegistryModule, jurisdictionModule, agencyApiModule, platformModule('REGION'), calendarModule('REGION'), catalogModule('REGION'), sharingModule('REGION'), recordsModule('REGION'), demandModule('REGION'), upwardModule('REGION'), reflowModule('REGION')],
  migrations: regionMigrations,
};
