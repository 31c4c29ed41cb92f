import data from './inner-mongolia-divisions.json';
import { Level } from '../levels';
import { checkDivisionCodeFormat } from '../identifiers';
import { badInput, notFound } from '../errors';

/**
 * GB/T 2260 division table of Inner Mongolia (NBS 2023), shipped with the code as static reference
 * data: every level validates codes against it. The region's jurisdiction registry is seeded from it.
 */
export interface Division {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  /** NBS lists some development zones for statistics only; they are not administrative divisions. */
  statisticalOnly: boolean;
}

export const DIVISIONS: readonly Division[] = [
  { code: data.region.code, name: data.region.name, level: 'REGION', parentCode: null, statisticalOnly: false },
  ...data.divisions.map((d) => ({
    code: d.code,
    name: d.name,
    level: d.level as Level,
    parentCode: d.parent,
    statisticalOnly: Boolean((d as { statisticalOnly?: boolean }).statisticalOnly),
  })),
];

const BY_CODE = new Map(DIVISIONS.map((d) => [d.code, d]));

export function findDivision(code: string): Division | undefined {
  return BY_CODE.get(code);
}

/** Resolves an argument that names a division: malformed → BAD_USER_INPUT, unknown → NOT_FOUND. */
export function requireDivision(code: string, field = 'code'): Division {
  const format = checkDivisionCodeFormat(code);
  if (!format.valid) throw badInput(field, `'${code}' is not a division code: ${format.reason}`);
  const division = BY_CODE.get(code);
  if (!division) throw notFound(`${field}: no division ${code} in Inner Mongolia`, { field });
  return division;
}

/** The division and every division below it (a league and its banners/counties). */
export function subtreeCodes(code: string): string[] {
  const out: string[] = [];
  const walk = (c: string) => {
    out.push(c);
    for (const d of DIVISIONS) if (d.parentCode === c) walk(d.code);
  };
  walk(code);
  return out;
}
