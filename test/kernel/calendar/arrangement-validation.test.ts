import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readArrangementFile, validateArrangement } from '../../../subgraphs/kernel/calendar';

const valid = { year: 2027, holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-02-14'], source: 'test notice' };

describe('a year arrangement loaded by an operator', () => {
  it('accepts a well-formed arrangement, including a holiday that falls on a weekend', () => {
    expect(validateArrangement(valid)).toEqual(valid);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', ['2027-01-01'], /^arrangement: expected an object/],
    ['a year before 2000', { ...valid, year: 1999 }, /^year: must be a whole year from 2000 to 2100, got 1999/],
    ['a year after 2100', { ...valid, year: 2101 }, /^year: .*got 2101/],
    ['a year given as text', { ...valid, year: '2027' }, /^year: .*got "2027"/],
    ['no source', { ...valid, source: ' ' }, /^source: must say where/],
    ['holidays that are not a list', { ...valid, holidays: '2027-01-01' }, /^holidays: must be an array/],
    ['a malformed holiday', { ...valid, holidays: ['2027-1-1'] }, /^holidays\[0\]: "2027-1-1" is not a real YYYY-MM-DD date/],
    ['an impossible holiday', { ...valid, holidays: ['2027-01-01', '2027-02-30'] }, /^holidays\[1\]: "2027-02-30" is not/],
    ['a holiday in another year', { ...valid, holidays: ['2026-12-31'] }, /^holidays\[0\]: 2026-12-31 is not in year 2027/],
    ['workdays that are not a list', { ...valid, workdays: undefined }, /^workdays: must be an array/],
    ['a workday in another year', { ...valid, workdays: ['2028-01-01'] }, /^workdays\[0\]: 2028-01-01 is not in year 2027/],
    ['a workday on a weekday', { ...valid, workdays: ['2027-01-04'] }, /^workdays\[0\]: 2027-01-04 is a Monday; .*Saturday or Sunday/],
    ['a day in both lists', { ...valid, holidays: ['2027-01-02'], workdays: ['2027-01-02'] }, /^workdays\[0\]: 2027-01-02 is also listed in holidays/],
  ])('rejects %s, naming the field', (_case, input, message) => {
    expect(() => validateArrangement(input)).toThrow(message);
  });

  describe('from a JSON file', () => {
    let dir: string;
    beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrangement-'))));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };

    it('reads a valid file', () => {
      expect(readArrangementFile(write('ok.json', JSON.stringify(valid)))).toEqual(valid);
    });

    it('names the file and the field when the content is wrong', () => {
      const file = write('weekday.json', JSON.stringify({ ...valid, workdays: ['2027-01-05'] }));
      expect(() => readArrangementFile(file)).toThrow(`${file}: workdays[0]: 2027-01-05 is a Tuesday`);
    });

    it('names the file when it is not JSON', () => {
      const file = write('broken.json', '{ "year": 2027,');
      expect(() => readArrangementFile(file)).toThrow(`${file}: not a readable JSON file`);
    });
  });
});
