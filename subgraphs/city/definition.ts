import { LevelDefinition } from '../kernel/module';
import { platformModule } from '../modules/platform';
import { cityMigrations } from './migrations';

/** The league/city platform: one service for all 12 league-level divisions. */
export const cityDefinition: LevelDefinition = {
  level: 'CITY',
  modules: [platformModule('CITY')],
  migrations: cityMigrations,
};
