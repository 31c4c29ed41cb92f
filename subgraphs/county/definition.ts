import { LevelDefinition } from '../kernel/module';
import { calendarModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { platformModule } from '../modules/platform';
import { countyMigrations } from './migrations';

/** The banner/county platform: one service for all county-level divisions. */
export const countyDefinition: LevelDefinition = {
  level: 'COUNTY',
  modules: [platformModule('COUNTY'), calendarModule('COUNTY'), catalogModule('COUNTY')],
  migrations: countyMigrations,
};
