import { auditModule } from '../kernel/audit/module';
import { agencyRegistryModule, agencyReplicaModule } from '../modules/agency';
import { LevelDefinition } from '../kernel/module';
import { calendarModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { demandModule } from '../modules/demand';
import { platformModule } from '../modules/platform';
import { sharingModule } from '../modules/sharing';
import { recordsModule } from '../modules/records';
import { reflowModule } from '../modules/reflow';
import { upwardModule } from '../modules/upward';
import { cityMigrations } from './migrations';

/** The league/city platform: one service for all 12 league-level divisions. */
export const cityDefinition: LevelDefinition = {
  level: 'CITY',
  modules: [auditModule('CITY'), agencyRegistryModule, agencyReplicaModule('CITY'), platformModule('CITY'), calendarModule('CITY'), catalogModule('CITY'), sharingModule('CITY'), recordsModule('CITY'), demandModule('CITY'), upwardModule('CITY'), reflowModule('CITY')],
  migrations: cityMigrations,
};
