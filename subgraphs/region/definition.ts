import { LevelDefinition } from '../kernel/module';
import { agencyModule } from '../modules/agency';
import { jurisdictionModule } from '../modules/jurisdiction';
import { calendarModule } from '../modules/calendar';
import { catalogModule } from '../modules/catalog';
import { platformModule } from '../modules/platform';
import { regionMigrations } from './migrations';

/** The autonomous region's platform: owner of the jurisdiction and agency registries. */
export const regionDefinition: LevelDefinition = {
  level: 'REGION',
  modules: [jurisdictionModule, agencyModule, platformModule('REGION'), calendarModule('REGION'), catalogModule('REGION')],
  migrations: regionMigrations,
};
