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
import { countyMigrations } from './migrations';

/** The banner/county platform: one service for all county-level divisions. */
export const countyDefinition: LevelDefinition = {
  level: 'COUNTY',
  modules: [auditModule('COUNTY'), agencyRegistryModule, agencyReplicaModule('COUNTY'), platformModule('COUNTY'), calendarModule('COUNTY'), catalogModule('COUNTY'), sharingModule('COUNTY'), recordsModule('COUNTY'), demandModule('COUNTY'), upwardModule('COUNTY'), reflowModule('COUNTY')],
  migrations: countyMigrations,
};
