import { findDivision } from '../../kernel/divisions';
import { composeUscc } from '../../kernel/identifiers';
import { Level } from '../../kernel/levels';
import { Sector } from './sectors';

export { Sector };


export interface DemoAgency {
  uscc: string;
  name: string;
  sector: Sector;
  jurisdictionCode: string;
  level: Level;
  /** Every demo agency collects data: even the authority holds the credit and certificate databases. */
  isSourceDepartment: boolean;
}

/** Jurisdictions with demo agencies: the region, Hohhot, Hulunbuir, and two banners/districts of each. */
export const DEMO_JURISDICTIONS = ['150000', '150100', '150700', '150102', '150121', '150702', '150781'];

const SECTOR_NAMES: Record<Sector, { region: string; other: string }> = {
  DATA_AUTHORITY: { region: '政务服务与数据管理局', other: '政务服务与数据管理局' },
  PUBLIC_SECURITY: { region: '公安厅', other: '公安局' },
  CIVIL_AFFAIRS: { region: '民政厅', other: '民政局' },
  MARKET_SUPERVISION: { region: '市场监督管理局', other: '市场监督管理局' },
  HEALTH: { region: '卫生健康委员会', other: '卫生健康委员会' },
  NATURAL_RESOURCES: { region: '自然资源厅', other: '自然资源局' },
  HUMAN_RESOURCES_SOCIAL_SECURITY: { region: '人力资源和社会保障厅', other: '人力资源和社会保障局' },
};

/**
 * Deterministic demo agencies with valid USCCs (registration authority 1 = 机构编制, type 1 = 机关),
 * so that tokens printed by `npm run token` stay valid across fresh databases.
 */
export const DEMO_AGENCIES: readonly DemoAgency[] = DEMO_JURISDICTIONS.flatMap((code) => {
  const division = findDivision(code)!;
  const prefix = division.level === 'REGION' ? '内蒙古自治区' : division.name;
  return Object.values(Sector).map((sector, index) => ({
    uscc: composeUscc('1', '1', code, `0${String(index + 1).padStart(2, '0')}${code.slice(1)}`.slice(0, 8)),
    name: prefix + SECTOR_NAMES[sector][division.level === 'REGION' ? 'region' : 'other'],
    sector,
    jurisdictionCode: code,
    level: division.level,
    isSourceDepartment: true,
  }));
});

/** The public data authority (公共数据主管部门) of a demo jurisdiction. */
export function demoAuthority(jurisdictionCode: string): DemoAgency {
  const found = DEMO_AGENCIES.find((a) => a.jurisdictionCode === jurisdictionCode && a.sector === Sector.DATA_AUTHORITY);
  if (!found) throw new Error(`no demo authority for ${jurisdictionCode}`);
  return found;
}

export function demoAgency(jurisdictionCode: string, sector: Sector): DemoAgency {
  const found = DEMO_AGENCIES.find((a) => a.jurisdictionCode === jurisdictionCode && a.sector === sector);
  if (!found) throw new Error(`no demo ${sector} agency for ${jurisdictionCode}`);
  return found;
}
