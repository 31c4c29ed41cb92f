import { Level } from '../../../kernel/levels';
import { demoAgency, Sector } from '../../agency/demo-agencies';
import { BasicDatabase, DataForm, UpdateFrequency } from '../enums';
import { ItemDraft } from '../drafts';
import { ASSISTANCE_ITEMS, CERTIFICATE_ITEMS, CREDIT_ITEMS, LAND_ITEMS, LEGAL_PERSON_ITEMS, PERSON_ITEMS } from './item-templates';

export interface DemoResource {
  code: string;
  name: string;
  summary: string;
  level: Level;
  jurisdictionCode: string;
  provider: Sector;
  basicDatabase: BasicDatabase | null;
  /** Record table holding the data on the owning platform. */
  dataTable: string;
  updateFrequency: UpdateFrequency;
  items: ItemDraft[];
}

/** The basic databases (004 art. 18) a region or city platform publishes, with their providing sector. */
const BASIC: { key: string; name: string; sector: Sector; db: BasicDatabase; table: string; items: ItemDraft[]; frequency: UpdateFrequency }[] = [
  { key: 'RK', table: 'person', name: '人口基础信息', sector: Sector.PUBLIC_SECURITY, db: BasicDatabase.NATURAL_PERSON, items: PERSON_ITEMS, frequency: UpdateFrequency.DAILY },
  { key: 'FR', table: 'legal_person', name: '法人基础信息', sector: Sector.MARKET_SUPERVISION, db: BasicDatabase.LEGAL_PERSON, items: LEGAL_PERSON_ITEMS, frequency: UpdateFrequency.DAILY },
  { key: 'XY', table: 'credit', name: '社会信用信息', sector: Sector.DATA_AUTHORITY, db: BasicDatabase.SOCIAL_CREDIT, items: CREDIT_ITEMS, frequency: UpdateFrequency.WEEKLY },
  { key: 'ZZ', table: 'certificate', name: '电子证照信息', sector: Sector.DATA_AUTHORITY, db: BasicDatabase.ELECTRONIC_CERTIFICATE, items: CERTIFICATE_ITEMS, frequency: UpdateFrequency.REAL_TIME },
  { key: 'ZY', table: 'land_parcel', name: '自然资源和空间地理信息', sector: Sector.NATURAL_RESOURCES, db: BasicDatabase.NATURAL_RESOURCES, items: LAND_ITEMS, frequency: UpdateFrequency.MONTHLY },
];

const PLACE: Record<string, string> = { '150000': '内蒙古自治区', '150100': '呼和浩特市', '150700': '呼伦贝尔市', '150102': '新城区', '150121': '土默特左旗', '150702': '海拉尔区', '150781': '满洲里市' };

function basicResources(jurisdictionCode: string, level: Level, keys: string[]): DemoResource[] {
  return BASIC.filter((b) => keys.includes(b.key)).map((b) => ({
    code: `${jurisdictionCode}-${b.key}-0001`,
    name: `${PLACE[jurisdictionCode]}${b.name}`,
    summary: `${PLACE[jurisdictionCode]}${b.name}库（004 第十八条基础数据库），由${PLACE[jurisdictionCode]}汇聚、按需共享。`,
    level,
    jurisdictionCode,
    provider: b.sector,
    basicDatabase: b.db,
    dataTable: b.table,
    updateFrequency: b.frequency,
    items: b.items,
  }));
}

function assistanceRoll(jurisdictionCode: string): DemoResource {
  return {
    code: `${jurisdictionCode}-DB-0001`,
    name: `${PLACE[jurisdictionCode]}最低生活保障对象信息`,
    summary: `${PLACE[jurisdictionCode]}民政部门认定的城乡最低生活保障对象名册。`,
    level: 'COUNTY',
    jurisdictionCode,
    provider: Sector.CIVIL_AFFAIRS,
    basicDatabase: null,
    dataTable: 'assistance',
    updateFrequency: UpdateFrequency.MONTHLY,
    items: ASSISTANCE_ITEMS,
  };
}

/** Published demo catalog of every level: basic databases at region and city level, rolls at county level. */
export const DEMO_CATALOG: readonly DemoResource[] = [
  ...basicResources('150000', 'REGION', ['RK', 'FR', 'XY', 'ZZ', 'ZY']),
  ...basicResources('150100', 'CITY', ['RK', 'FR', 'ZY']),
  ...basicResources('150700', 'CITY', ['RK', 'FR', 'ZY']),
  assistanceRoll('150102'),
  { ...basicResources('150121', 'COUNTY', ['ZY'])[0], code: '150121-ZY-0001', name: '土默特左旗土地承包经营权信息', summary: '土默特左旗农村土地承包经营权确权登记信息。' },
  assistanceRoll('150702'),
  assistanceRoll('150781'),
];

export const demoProvider = (r: DemoResource) => demoAgency(r.jurisdictionCode, r.provider).uscc;
export const DEMO_FORM = DataForm.TABLE;
