import { LevelDefinition } from '../kernel/module';
import { calendarModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { platformModule } from '../modules/platform';
import { cityMigrations } from './migrations';

/** The league/city platform: one service for all 12 league-level divisions. */
export const cityDefinition: LevelDefinition = {
  level: 'CITY',
  modules: [platformModule('CITY'), calendarModule('CITY'), catalogModule('CITY')],
  migrations: cityMigrations,
};
