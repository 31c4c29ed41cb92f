import { composeUscc } from '../../../kernel/identifiers';
import { streetAddress } from './addresses';
import { AS_OF, addYears, laterOf, randomDateBetween } from './calendar';
import { surname } from './names';
import { ADULT_AGE, PersonRecord, RowOptions, generatePersons, isAdult } from './people';
import { Place, placesFor } from './places';
import { DEFAULT_SEED, Random, checkRowRange, logUniform, rowRandoms } from './random';
import { organisationCodeBody } from './slots';

/** A row of the legal-person basic database (法人基础库, 004 art. 18). */
export interface LegalPersonRecord {
  uscc: string;
  name: string;
  legalRepresentative: string;
  legalRepresentativeId: string;
  /** 万元 */
  registeredCapital: number;
  address: string;
  status: 'ACTIVE' | 'REVOKED' | 'CANCELLED';
  establishedOn: string;
  /** Industry (GB/T 4754 category name). */
  industry: string;
  divisionCode: string;
}

export interface LegalPersonOptions extends RowOptions {
  /**
   * Natural persons to draw legal representatives from (adults only are used) — pass the persons
   * you seed so that every representative is a person of your data set. Without it, the
   * representatives come from generatePersons(seed, rows 0-1999) of the same divisions.
   */
  representatives?: readonly PersonRecord[];
}

/** Registration authority 9 = 工商 (market regulation); USCC organisation types under it. */
const REGISTRATION_AUTHORITY = '9';
interface Kind {
  orgType: '1' | '2' | '3';
  /** No such entity before the law that created it. */
  earliest: string;
  /** Registered capital range, 万元. */
  capital: readonly [number, number];
  name(random: Random, place: Place): { name: string; industry: string };
}

/** [name word, industry] */
const COMPANY_TRADES = [['乳业', '乳制品制造'], ['牧业', '牲畜饲养'], ['稀土', '稀有稀土金属冶炼'], ['煤炭', '烟煤和无烟煤开采洗选'],
  ['能源', '风力发电'], ['物流', '道路货物运输'], ['商贸', '批发业'], ['羊绒', '毛纺织及染整精加工'], ['建筑工程', '房屋建筑业'],
  ['科技', '软件和信息技术服务业'], ['文化旅游', '旅行社及相关服务'], ['化工', '基础化学原料制造'], ['房地产开发', '房地产开发经营'],
  ['农业', '谷物种植']] as const;
const SHOP_TRADES = [['手把肉馆', '正餐服务'], ['羊杂店', '快餐服务'], ['便利店', '便利店零售'], ['汽车修理部', '汽车修理与维护'],
  ['奶食品店', '食品零售'], ['五金店', '五金零售']] as const;
const COOPERATIVE_TRADES = [['牧业', '牲畜饲养'], ['肉羊养殖', '羊的饲养'], ['奶牛养殖', '牛的饲养'], ['种植', '谷物种植'],
  ['马铃薯种植', '薯类种植'], ['农机服务', '农业机械活动']] as const;
const AUSPICIOUS_CHARACTERS = [...'金鑫宏华泰恒瑞兴盛达丰源诚信通鼎嘉昌隆福安康德润祥博远腾骏'];
const AUSPICIOUS_PAIRS = AUSPICIOUS_CHARACTERS.flatMap((a) => AUSPICIOUS_CHARACTERS.filter((b) => b !== a).map((b) => a + b));
const LANDSCAPE_NAMES = ['草原', '阴山', '大青山', '科尔沁', '敕勒川', '塞北', '北疆', '天骄', '乌兰', '巴彦'];

/** 字号: two different auspicious characters or a landscape name. */
function tradeName(random: Random): string {
  return random.pick(random.chance(0.25) ? LANDSCAPE_NAMES : AUSPICIOUS_PAIRS);
}

const COMPANY_FORMS = [['有限公司', 60], ['有限责任公司', 35], ['股份有限公司', 5]] as const;
const COMPANY: Kind = {
  orgType: '1', earliest: '1994-07-01', capital: [10, 50_000], // Company Law in force 1994-07-01
  name: (random, place) => {
    const [word, industry] = random.pick(COMPANY_TRADES);
    const prefix = random.chance(0.2) ? '内蒙古' : place.cityName;
    return { name: prefix + tradeName(random) + word + random.weighted(COMPANY_FORMS), industry };
  },
};
const INDIVIDUAL_BUSINESS: Kind = {
  orgType: '2', earliest: '1990-01-01', capital: [1, 50],
  name: (random, place) => {
    const [word, industry] = random.pick(SHOP_TRADES);
    return { name: place.name + (random.chance(0.5) ? `${surname(random)}记` : tradeName(random)) + word, industry };
  },
};
const COOPERATIVE: Kind = {
  orgType: '3', earliest: '2007-07-01', capital: [10, 500], // Farmers' Cooperatives Law in force 2007-07-01
  name: (random, place) => {
    const [word, industry] = random.pick(COOPERATIVE_TRADES);
    return { name: place.name + tradeName(random) + word + '专业合作社', industry };
  },
};
const KINDS = [[COMPANY, 75], [INDIVIDUAL_BUSINESS, 15], [COOPERATIVE, 10]] as const;
const STATUSES = [['ACTIVE', 88], ['CANCELLED', 7], ['REVOKED', 5]] as const;
const DEFAULT_REPRESENTATIVE_POOL = 2000;

/**
 * `count` enterprises, individual businesses and farmers' cooperatives registered in `divisionCodes`.
 * USCCs never repeat across calls whose index ranges do not overlap, whatever their seeds and
 * divisions: the organisation code comes from the index alone (slots.ts).
 */
export function generateLegalPersons(options: LegalPersonOptions): LegalPersonRecord[] {
  const { count, divisionCodes, seed = DEFAULT_SEED, startIndex = 0 } = options;
  checkRowRange(count, startIndex);
  // Unlike households, companies do register in development zones.
  const places = placesFor(divisionCodes, { households: false });
  const adults = (options.representatives ?? defaultRepresentatives(places, seed)).filter(isAdult);
  if (count > 0 && adults.length === 0) throw new RangeError('no adult among the representatives to act as legal representative');
  const randomFor = rowRandoms(seed, 'legal persons');
  const rows = new Array<LegalPersonRecord>(count);
  for (let row = 0; row < count; row++) rows[row] = legalPersonAt(startIndex + row, randomFor(startIndex + row), places, adults);
  return rows;
}

/** Persons of the same divisions — for a development zone, of the city around it. */
function defaultRepresentatives(places: readonly Place[], seed: number): PersonRecord[] {
  const divisionCodes = [...new Set(places.map((p) => p.householdCode))];
  return generatePersons({ count: DEFAULT_REPRESENTATIVE_POOL, divisionCodes, seed });
}

function legalPersonAt(index: number, random: Random, places: readonly Place[], adults: readonly PersonRecord[]): LegalPersonRecord {
  const place = random.pick(places);
  const kind = random.weighted(KINDS);
  const representative = random.pick(adults);
  const { name, industry } = kind.name(random, place);
  return {
    uscc: composeUscc(REGISTRATION_AUTHORITY, kind.orgType, place.code, organisationCodeBody(index)),
    name,
    legalRepresentative: representative.name,
    legalRepresentativeId: representative.idNumber,
    registeredCapital: Math.round(logUniform(random, ...kind.capital)),
    address: streetAddress(random, place),
    status: random.weighted(STATUSES),
    establishedOn: randomDateBetween(random, laterOf(kind.earliest, addYears(representative.birthDate, ADULT_AGE)), AS_OF),
    industry,
    divisionCode: place.code,
  };
}
