import { LevelDefinition } from '../kernel/module';
import { catalogModule } from '../modules/catalog';
import { platformModule } from '../modules/platform';
import { countyMigrations } from './migrations';

/** The banner/county platform: one service for all county-level divisions. */
export const countyDefinition: LevelDefinition = {
  level: 'COUNTY',
  modules: [platformModule('COUNTY'), catalogModule('COUNTY')],
  migrations: countyMigrations,
};
