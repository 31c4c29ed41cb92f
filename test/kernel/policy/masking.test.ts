import { applyMask, isKnownMaskRule, MASK_RULES, MaskRuleName } from '../../../subgraphs/kernel/policy';

const RULES = Object.keys(MASK_RULES) as MaskRuleName[];

// 004 art. 22: data may be delivered after desensitisation (脱敏).
describe('mask rules (004 art. 22)', () => {
  it('offers at least the rules the catalog uses', () => {
    expect(RULES).toEqual(expect.arrayContaining(['ID_NUMBER', 'NAME', 'PHONE', 'ADDRESS', 'USCC', 'DATE_YEAR_ONLY', 'FULL']));
  });

  it.each(RULES)('%s masks its documented example as documented', (rule) => {
    const [plain, masked] = MASK_RULES[rule].example;
    expect(applyMask(rule, plain)).toBe(masked);
  });

  it.each([
    ['ID_NUMBER', '150102199003070314', '150102********0314'],
    ['ID_NUMBER', '11010519491231002X', '110105********002X'],
    ['ID_NUMBER', '1501020314', '**********'],
    ['NAME', '王五', '王*'],
    ['NAME', '欧阳娜娜', '欧***'],
    ['NAME', '其其格', '其**'],
    ['NAME', '𠮷祥', '𠮷*'],
    ['NAME', '王', '*'],
    ['PHONE', '13812341234', '138****1234'],
    ['PHONE', '0471-6661234', '047*****1234'],
    ['PHONE', '1234567', '*******'],
    ['USCC', '91350100M000100Y43', '91350100********43'],
    ['USCC', '9135010043', '**********'],
    ['DATE_YEAR_ONLY', '1990-03-07', '1990-**-**'],
    ['DATE_YEAR_ONLY', '1990年3月7日', '1990-**-**'],
    ['DATE_YEAR_ONLY', 19900307, '1990-**-**'],
    ['DATE_YEAR_ONLY', '3/7/90', '******'],
    ['FULL', 'abc', '***'],
    ['FULL', '123456789012', '********'],
    ['FULL', 42, '**'],
  ] as const)('%s masks %s as %s', (rule, value, masked) => {
    expect(applyMask(rule, value)).toBe(masked);
  });

  it.each([
    ['内蒙古自治区呼和浩特市新城区中山东路1号', '内蒙古自治区呼和浩特市新城区****'],
    ['内蒙古自治区锡林郭勒盟正蓝旗上都镇', '内蒙古自治区锡林郭勒盟正蓝旗****'],
    ['内蒙古自治区兴安盟乌兰浩特市兴安南路', '内蒙古自治区兴安盟乌兰浩特市****'],
    ['内蒙古自治区呼伦贝尔市莫力达瓦达斡尔族自治旗尼尔基镇', '内蒙古自治区呼伦贝尔市莫力达瓦达斡尔族自治旗****'],
    ['内蒙古自治区满洲里市东山街道', '内蒙古自治区满洲里市****'],
    ['呼和浩特市赛罕区大学西街235号', '呼和浩特市赛罕区****'],
    ['北京市朝阳区建国路', '北京市朝阳区****'],
    ['浙江省杭州市西湖区文三路', '浙江省杭州市西湖区****'],
    ['吉林省延边朝鲜族自治州延吉市河南街', '吉林省延边朝鲜族自治州延吉市****'],
    ['托克托县双河镇', '托克托县****'],
    ['中山东路1号', '****'],
  ])('ADDRESS keeps %s down to the county level', (address, masked) => {
    expect(applyMask('ADDRESS', address)).toBe(masked);
  });

  it.each(RULES)('%s keeps null as null and an empty value empty', (rule) => {
    expect(applyMask(rule, null)).toBeNull();
    expect(applyMask(rule, '')).toBe('');
  });

  it.each(RULES)('%s never returns a non-empty value unchanged', (rule) => {
    for (const value of ['1', '王', '12', '呼和浩特', '150102199003070314', '内蒙古自治区']) {
      expect(applyMask(rule, value)).not.toBe(value);
    }
  });

  it('refuses an unknown rule, even for a null value', () => {
    expect(() => applyMask('SHA256', 'x')).toThrow(/unknown mask rule 'SHA256'/);
    expect(() => applyMask('id_number', null)).toThrow(/unknown mask rule/);
  });

  it('knows exactly its own rules, not inherited object properties', () => {
    for (const rule of RULES) expect(isKnownMaskRule(rule)).toBe(true);
    for (const rule of ['toString', 'constructor', '__proto__', 'id_number', '']) expect(isKnownMaskRule(rule)).toBe(false);
  });
});
