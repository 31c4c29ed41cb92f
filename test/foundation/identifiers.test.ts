import { checkCitizenId, checkDivisionCodeFormat, checkUscc, composeCitizenId, composeUscc, describeCitizenId, levelOfDivisionCode, isWithin } from '../../subgraphs/kernel/identifiers';
import { DEMO_AGENCIES } from '../../subgraphs/modules/agency/demo-agencies';

// 004 art. 13-14: agencies are identified by USCC (GB 32100-2015), persons by citizen ID (GB 11643).
describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '111500000015000070', '91110000600037341L'])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true });
  });

  it.each([
    ['91350100M000100Y44', /check character is '4' but .* require '3'/],
    ['91350100M000100Y4', /18 characters, got 17/],
    ['91350100M000100YI3', /character 17 \('I'\) is not allowed/],
    ['Z1350100M000100Y43', /character 1 \('Z'\) is not allowed/],
    ['01350100M000100Y43', /character 1 \('0'\) is not a registration authority code/],
    ['9135A100M000100Y43', /characters 3-8 .* six-digit administrative division code/],
  ])('rejects %s and says why', (code, reason) => {
    const result = checkUscc(code);
    expect(result.valid).toBe(false);
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it('composes codes that validate, as used for every demo agency', () => {
    expect(checkUscc(composeUscc('9', '1', '150102', 'MA0N4X7R'))).toEqual({ valid: true });
    for (const agency of DEMO_AGENCIES) expect(checkUscc(agency.uscc)).toEqual({ valid: true });
    expect(new Set(DEMO_AGENCIES.map((a) => a.uscc)).size).toBe(DEMO_AGENCIES.length);
  });
});

describe('Citizen ID number (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  const today = new Date('2026-11-21T00:00:00Z');

  it.each(['11010519491231002X', '440524188001010014', '150102199003070314'])('accepts %s', (id) => {
    expect(checkCitizenId(id, today)).toEqual({ valid: true });
  });

  it.each([
    ['11010519491231002Y', /17 digits followed by a digit or X/],
    ['110105194912310021', /check character is '1' but .* require 'X'/],
    ['990105194912310021', /does not start with a province code/],
    ['150102199002300318', /birth date 19900230 is not a real date/],
    ['150102203001010012', /is in the future/],
    ['15010219900307031', /17 digits followed/],
  ])('rejects %s and says why', (id, reason) => {
    const result = checkCitizenId(id, today);
    expect(result.valid).toBe(false);
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it('composes and describes an ID', () => {
    const id = composeCitizenId('150102', '19900307', 31);
    expect(checkCitizenId(id, today)).toEqual({ valid: true });
    expect(describeCitizenId(id)).toEqual({ addressCode: '150102', birthDate: '1990-03-07', gender: 'MALE' });
  });
});

describe('Division codes (GB/T 2260)', () => {
  it('reads the level from the code', () => {
    expect(levelOfDivisionCode('150000')).toBe('REGION');
    expect(levelOfDivisionCode('150100')).toBe('CITY');
    expect(levelOfDivisionCode('150102')).toBe('COUNTY');
  });

  it.each(['15010', '1501021', 'abcdef', '000100', '150012'])('rejects malformed %s', (code) => {
    expect(checkDivisionCodeFormat(code).valid).toBe(false);
  });

  it('knows which divisions lie inside which', () => {
    expect(isWithin('150102', '150100')).toBe(true);
    expect(isWithin('150102', '150000')).toBe(true);
    expect(isWithin('150702', '150100')).toBe(false);
    expect(isWithin('150100', '150102')).toBe(false);
  });
});
