import { addYears, ageOn, dayOf, isoDate } from '../../../subgraphs/modules/records/generators/calendar';

describe('generator calendar arithmetic', () => {
  it('prints every day from 1900 to 2100 as the JavaScript Date does, and reads it back', () => {
    for (let day = dayOf('1900-01-01'); day <= dayOf('2100-12-31'); day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(day) !== expected || dayOf(expected) !== day) throw new Error(`day ${day}: ${isoDate(day)} ≠ ${expected}`);
    }
  });

  it('adds years keeping the calendar date, moving 29 February to 1 March in common years', () => {
    expect(addYears('1990-07-15', 18)).toBe('2008-07-15');
    expect(addYears('2000-02-29', 4)).toBe('2004-02-29');
    expect(addYears('2000-02-29', 18)).toBe('2018-03-01');
  });

  it('counts full years of age, turning one year older on the birthday', () => {
    expect(ageOn('2006-12-31', '2024-12-30')).toBe(17);
    expect(ageOn('2006-12-31', '2024-12-31')).toBe(18);
  });
});
