import { DIVISIONS, Division, findDivision } from '../../../kernel/divisions';
import { isWithin } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';

/** A division as the generators write it into addresses and agency names. */
export interface Place {
  code: string;
  name: string;
  level: Level;
  /** Full name path, e.g. 内蒙古自治区呼和浩特市新城区. */
  path: string;
  /** The league/city the place lies in (the region itself for the region). */
  cityCode: string;
  cityName: string;
  /** Banners and counties (旗/县) have 苏木/镇 and 嘎查/村; districts and cities have streets. */
  rural: boolean;
  statisticalOnly: boolean;
  /** Where residents register their household: the place itself, or a statistical zone's parent. */
  householdCode: string;
}

const CACHE = new Map<string, Place>();

export function placeOf(code: string): Place {
  const cached = CACHE.get(code);
  if (cached) return cached;
  const division = findDivision(code);
  if (!division) throw new RangeError(`division ${code} is not in the GB/T 2260 table of Inner Mongolia`);
  const chain = ancestry(division);
  const city = chain[1] ?? chain[0];
  const place: Place = {
    code,
    name: placeName(division),
    level: division.level,
    path: chain.map(placeName).join(''),
    cityCode: city.code,
    cityName: placeName(city),
    rural: /[旗县]$/.test(division.name),
    statisticalOnly: division.statisticalOnly,
    householdCode: division.statisticalOnly && division.parentCode ? division.parentCode : code,
  };
  CACHE.set(code, place);
  return place;
}

/** NBS names one zone by its administration (乌拉盖管理区管委会); addresses name the zone. */
function placeName(division: Division): string {
  return division.name.replace(/管委会$/, '');
}

/** Region first, the division itself last. */
function ancestry(division: Division): Division[] {
  const parent = division.parentCode ? findDivision(division.parentCode) : undefined;
  return parent ? [...ancestry(parent), division] : [division];
}

/**
 * The places a generator may choose from. Development zones that NBS lists for statistics only
 * (statisticalOnly) register no households, so person generators leave them out.
 */
export function placesFor(codes: readonly string[], { households }: { households: boolean }): Place[] {
  const places = codes.map(placeOf).filter((p) => !(households && p.statisticalOnly));
  if (places.length === 0) {
    const why = households ? ' (statistical-only zones register no households)' : '';
    throw new RangeError(`no division to generate records in among [${codes.join(', ')}]${why}`);
  }
  return places;
}

/**
 * Banner/county-level divisions within `ancestorCode` that register households — the usual
 * divisionCodes for seeding a city's or the region's platform.
 */
export function householdDivisionCodes(ancestorCode: string): string[] {
  placeOf(ancestorCode); // rejects unknown codes
  return DIVISIONS.filter((d) => d.level === 'COUNTY' && !d.statisticalOnly && isWithin(d.code, ancestorCode)).map((d) => d.code);
}

/** Bureaus at banner/county and league/city level are 局; some at region level are 厅. */
const BUREAUS = {
  公安: { region: '公安厅', other: '公安局' },
  民政: { region: '民政厅', other: '民政局' },
  自然资源: { region: '自然资源厅', other: '自然资源局' },
  市场监督管理: { region: '市场监督管理局', other: '市场监督管理局' },
} as const;

/** The government department serving a place, e.g. 新城区民政局, 内蒙古自治区公安厅; a statistical zone is served by its parent's. */
export function bureauOf(place: Place, bureau: keyof typeof BUREAUS): string {
  const served = place.statisticalOnly ? placeOf(place.householdCode) : place;
  return served.name + BUREAUS[bureau][served.level === 'REGION' ? 'region' : 'other'];
}
