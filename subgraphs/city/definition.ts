import { LevelDefinition } from '../kernel/module';
import { catalogModule } from '../modules/catalog';
import { platformModule } from '../modules/platform';
import { cityMigrations } from './migrations';

/** The league/city platform: one service for all 12 league-level divisions. */
export const cityDefinition: LevelDefinition = {
  level: 'CITY',
  modules: [platformModule('CITY'), catalogModule('CITY')],
  migrations: cityMigrations,
};
