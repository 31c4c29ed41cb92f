import { findDivision } from '../../../subgraphs/kernel/divisions';
import { householdDivisionCodes } from '../../../subgraphs/modules/records/generators';
import { bureauOf, placeOf } from '../../../subgraphs/modules/records/generators/places';

describe('places the generators write records into', () => {
  it('lists the banner/county-level divisions that register households, without statistical-only zones', () => {
    const all = householdDivisionCodes('150000');
    expect(all).toHaveLength(103); // domain.md: 103 county-level divisions
    expect(all.every((code) => findDivision(code)!.level === 'COUNTY' && !findDivision(code)!.statisticalOnly)).toBe(true);
    const hohhot = householdDivisionCodes('150100');
    expect(hohhot).toContain('150102');
    expect(hohhot).not.toContain('150172'); // 呼和浩特经济技术开发区
    expect(hohhot.every((code) => code.startsWith('1501'))).toBe(true);
    expect(() => householdDivisionCodes('159900')).toThrow(RangeError);
  });

  it('names a place by its full path, and a development zone by the bureaus of its parent', () => {
    expect(placeOf('150102')).toMatchObject({ path: '内蒙古自治区呼和浩特市新城区', cityName: '呼和浩特市', rural: false });
    expect(placeOf('150121')).toMatchObject({ path: '内蒙古自治区呼和浩特市土默特左旗', rural: true });
    expect(placeOf('152571').path).toBe('内蒙古自治区锡林郭勒盟乌拉盖管理区');
    expect(bureauOf(placeOf('150271'), '市场监督管理')).toBe('包头市市场监督管理局');
    expect(bureauOf(placeOf('150000'), '公安')).toBe('内蒙古自治区公安厅');
    expect(bureauOf(placeOf('150121'), '民政')).toBe('土默特左旗民政局');
  });
});
