import { Level } from './kernel/levels';
import { LevelDefinition } from './kernel/module';
import { cityDefinition } from './city/definition';
import { countyDefinition } from './county/definition';
import { regionDefinition } from './region/definition';

export const LEVEL_DEFINITIONS: Record<Level, LevelDefinition> = {
  REGION: regionDefinition,
  CITY: cityDefinition,
  COUNTY: countyDefinition,
};
