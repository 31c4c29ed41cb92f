import { ItemPolicy } from './types';

/*
 * Desensitisation (脱敏) rules for masked delivery, 004 art. 22. Two principles hold for every rule:
 *  - characters are counted as Unicode code points, not UTF-16 units, because rare name characters
 *    (生僻字 such as 𠮷) lie outside the Basic Multilingual Plane;
 *  - a mask never returns its input unchanged: a value too short to hide anything between the parts a
 *    rule keeps is starred entirely.
 */

interface MaskRuleDefinition {
  readonly description: string;
  /** A plain value and its masked form; a test checks every one. */
  readonly example: readonly [plain: string, masked: string];
  readonly mask: (value: string) => string;
}

const FULL_MASK_MAX_LENGTH = 8;

const stars = (count: number): string => '*'.repeat(count);

function fullMask(value: string): string {
  return stars(Math.min(Array.from(value).length, FULL_MASK_MAX_LENGTH));
}

/** Keeps `head` characters at the start and `tail` at the end, one star for each character between. */
function keepEnds(value: string, head: number, tail: number): string {
  const characters = Array.from(value);
  const hidden = characters.length - head - tail;
  if (hidden <= 0) return stars(characters.length);
  return characters.slice(0, head).join('') + stars(hidden) + characters.slice(head + hidden).join('');
}

/*
 * An address keeps its administrative part down to the county level (区/县/旗/county-level 市) and
 * hides everything finer (township, street, house number) behind a fixed "****", so the length of the
 * hidden part is not told either. Read from the start:
 *   optional province: a municipality (北京市…), or a name ending in 省, 自治区 or 特别行政区;
 *   optional prefecture: a name ending in 市, 盟, 自治州 or 地区;
 *   required county: a name ending in 区, 县, 旗 or 市.
 * The prefecture is tried first and dropped when no county follows it, so "…满洲里市东山街道" keeps
 * 满洲里市 as the county-level city it is. Names may not contain the suffix characters themselves,
 * which keeps a part from running across a boundary. An address with no recognisable county part is
 * masked whole. This is a heuristic for addresses written in the usual order, not an address parser.
 */
const PLACE_NAME = '[^省市区县旗盟]';
const PROVINCE = `(?:北京市|天津市|上海市|重庆市|${PLACE_NAME}{2,4}省|${PLACE_NAME}{2,6}自治区|${PLACE_NAME}{2}特别行政区)`;
const PREFECTURE = `${PLACE_NAME}{1,12}?(?:市|盟|自治州|地区)`;
const COUNTY = `${PLACE_NAME}{1,12}?(?:区|县|旗|市)`;
const DOWN_TO_COUNTY = new RegExp(`^${PROVINCE}?(?:${PREFECTURE})?${COUNTY}`);

function maskAddress(value: string): string {
  const kept = DOWN_TO_COUNTY.exec(value);
  return `${kept ? kept[0] : ''}****`;
}

function keepYear(value: string): string {
  const year = /^\d{4}/.exec(value);
  return year ? `${year[0]}-**-**` : fullMask(value);
}

export const MASK_RULES = {
  ID_NUMBER: {
    description: 'citizen ID number: keeps the 6-digit address code and the last 4 characters',
    example: ['150102199003070314', '150102********0314'],
    mask: (value) => keepEnds(value, 6, 4),
  },
  NAME: {
    // Only the first character, even for compound surnames (欧阳) and Mongolian names without a
    // surname: telling surnames apart needs a list, and keeping two characters of a three-character
    // name would reveal most of it.
    description: 'person name: keeps the first character, one star per other character',
    example: ['欧阳娜娜', '欧***'],
    mask: (value) => keepEnds(value, 1, 0),
  },
  PHONE: {
    description: 'telephone number: keeps the first 3 and the last 4 characters',
    example: ['13812341234', '138****1234'],
    mask: (value) => keepEnds(value, 3, 4),
  },
  ADDRESS: {
    description: 'address: keeps province, prefecture and county (区/县/旗/市), hides the rest as ****',
    example: ['内蒙古自治区呼和浩特市新城区中山东路1号', '内蒙古自治区呼和浩特市新城区****'],
    mask: maskAddress,
  },
  USCC: {
    description: 'unified social credit code: keeps the first 8 and the last 2 characters',
    example: ['91350100M000100Y43', '91350100********43'],
    mask: (value) => keepEnds(value, 8, 2),
  },
  DATE_YEAR_ONLY: {
    description: 'date: keeps the leading 4-digit year as YYYY-**-**; without one, masked fully',
    example: ['1990-03-07', '1990-**-**'],
    mask: keepYear,
  },
  FULL: {
    description: `every character a star, at most ${FULL_MASK_MAX_LENGTH} so long values do not tell their length`,
    example: ['呼和浩特', '****'],
    mask: fullMask,
  },
} as const satisfies Record<string, MaskRuleDefinition>;

export type MaskRuleName = keyof typeof MASK_RULES;

export function isKnownMaskRule(rule: string): rule is MaskRuleName {
  return Object.hasOwn(MASK_RULES, rule);
}

/** Masks `value` by `rule`. Null stays null and '' stays ''; an unknown rule is a catalog error and throws. */
export function applyMask(rule: string, value: string | number | null): string | null {
  if (!isKnownMaskRule(rule)) {
    throw new Error(`unknown mask rule '${rule}'; known rules: ${Object.keys(MASK_RULES).join(', ')}`);
  }
  if (value === null) return null;
  const text = String(value);
  return text === '' ? '' : MASK_RULES[rule].mask(text);
}

/**
 * The rule a masked delivery of `item` uses. An item without a rule of its own gets FULL: a MASKED
 * grant or a masked-delivery-only item must never fall back to the plain value.
 */
export function maskRuleFor(item: Pick<ItemPolicy, 'maskRule'>): string {
  return item.maskRule ?? 'FULL';
}

/**
 * A value as a masked delivery releases it: text masked by `rule`; a number or a flag is no number
 * once masked, so it is withheld (null) rather than turned into text.
 */
export function maskedDelivery(rule: string, value: unknown): string | null {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return null;
  return applyMask(rule, String(value));
}
