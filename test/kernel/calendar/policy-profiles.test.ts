import {
  DEFAULT_PROFILE_ASSIGNMENTS,
  DeadlineKind,
  POLICY_PROFILES,
  ProfileAssignments,
  profileForJurisdiction,
  ruleFor,
} from '../../../subgraphs/kernel/calendar';

describe('Inner Mongolia 2024 limits (004)', () => {
  const region = POLICY_PROFILES.INNER_MONGOLIA_2024;

  it.each<[DeadlineKind, number, RegExp]>([
    ['CATALOG_UPDATE', 15, /^004 art\. 11$/],
    ['CATALOG_APPROVAL', 5, /^004 art\. 11$/],
    ['SHARE_REPLY', 5, /^004 art\. 23$/],
    ['SHARE_DELIVERY', 5, /^004 art\. 23$/],
    ['DEMAND_REPLY', 5, /^004 art\. 24$/],
    ['DEMAND_DELIVERY', 7, /^004 art\. 24$/],
    ['REFLOW_REPLY', 5, /^004 art\. 19\b/],
    ['UPWARD_STEP', 5, /^004 art\. 25\b/],
  ])('%s: %i working days, %s', (kind, workingDays, citation) => {
    const rule = ruleFor(region, kind);
    expect(rule).toMatchObject({ workingDays, profileId: 'INNER_MONGOLIA_2024' });
    expect(rule.citation).toMatch(citation);
  });

  it('has the authority one level up review a reported catalog within the 5 working days art. 11 gives an approval (art. 10 ¶2 sets none)', () => {
    expect(ruleFor(region, 'CATALOG_REPORT')).toMatchObject({ workingDays: 5, citation: '004 art. 10 ¶2 (limit of art. 11)', profileId: 'INNER_MONGOLIA_2024' });
  });

  it('says so when no profile on the fallback chain sets a kind', () => {
    const silent = { id: 'SILENT', name: 'a profile that sets nothing', citation: '-', rules: {} };
    expect(() => ruleFor(silent, 'CATALOG_REPORT')).toThrow(/^kind: policy profile SILENT sets no CATALOG_REPORT deadline \(consulted SILENT\)/);
  });
});

describe('which profile governs a jurisdiction', () => {
  it('gives Hulunbuir and its banners the 2022 draft: 10 working days for a conditional share (001 art. 24)', () => {
    for (const code of ['150700', '150702', '150783']) {
      const profile = profileForJurisdiction(code);
      expect(profile.id).toBe('HULUNBUIR_2022_DRAFT');
      expect(ruleFor(profile, 'SHARE_REPLY')).toEqual({ workingDays: 10, citation: '001 art. 24', profileId: 'HULUNBUIR_2022_DRAFT' });
    }
  });

  it('falls back from Hulunbuir to the region for what the draft does not set (004 art. 11)', () => {
    expect(ruleFor(profileForJurisdiction('150702'), 'CATALOG_APPROVAL')).toEqual({
      workingDays: 5,
      citation: '004 art. 11',
      profileId: 'INNER_MONGOLIA_2024',
    });
  });

  it('gives Hohhot and every other Inner Mongolia division the region profile: 5 working days (004 art. 23)', () => {
    for (const code of ['150000', '150100', '150102', '152500']) {
      expect(profileForJurisdiction(code).id).toBe('INNER_MONGOLIA_2024');
      expect(ruleFor(profileForJurisdiction(code), 'SHARE_REPLY').workingDays).toBe(5);
    }
  });

  it('gives an Anhui-assigned prefix 7 working days to reply (002 art. 25) and 10 + 3 for a catalog change (002 art. 15)', () => {
    const assignments = new ProfileAssignments({ ...DEFAULT_PROFILE_ASSIGNMENTS, '34': 'ANHUI_2021' });
    const anhui = assignments.profileFor('340100');
    expect(ruleFor(anhui, 'SHARE_REPLY')).toEqual({ workingDays: 7, citation: '002 art. 25', profileId: 'ANHUI_2021' });
    expect(ruleFor(anhui, 'CATALOG_UPDATE')).toMatchObject({ workingDays: 10, citation: '002 art. 15' });
    expect(ruleFor(anhui, 'CATALOG_REPORT')).toMatchObject({ workingDays: 3, citation: '002 art. 15' });
    // Silent in 002: the region's demand delivery limit stands in.
    expect(ruleFor(anhui, 'DEMAND_DELIVERY')).toMatchObject({ workingDays: 7, profileId: 'INNER_MONGOLIA_2024' });
  });

  it('lets the longest assigned prefix win, so one banner can differ from its league', () => {
    const assignments = new ProfileAssignments();
    assignments.assign('150702', 'ANHUI_2021');
    expect(assignments.profileFor('150702').id).toBe('ANHUI_2021');
    expect(assignments.profileFor('150703').id).toBe('HULUNBUIR_2022_DRAFT');
    expect(assignments.entries()).toEqual([
      ['150702', 'ANHUI_2021'],
      ['1507', 'HULUNBUIR_2022_DRAFT'],
      ['15', 'INNER_MONGOLIA_2024'],
    ]);
  });

  it('changes the module-wide table through assignProfile', () => {
    jest.isolateModules(() => {
      const fresh: typeof import('../../../subgraphs/kernel/calendar') = require('../../../subgraphs/kernel/calendar');
      fresh.assignProfile('1501', 'ANHUI_2021');
      expect(fresh.profileForJurisdiction('150102').id).toBe('ANHUI_2021');
    });
    expect(profileForJurisdiction('150102').id).toBe('INNER_MONGOLIA_2024');
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a code with no assigned profile', () => profileForJurisdiction('340100'), /^divisionCode: no policy profile is assigned to division 340100/],
    ['a malformed code', () => profileForJurisdiction('1507'), /^divisionCode: '1507' is not a division code/],
    ['an unknown profile', () => new ProfileAssignments().assign('1501', 'GUIYANG'), /^profileId: no policy profile 'GUIYANG'/],
    ['a prefix that is not digits', () => new ProfileAssignments().assign('15x', 'ANHUI_2021'), /^divisionPrefix: /],
  ])('refuses %s', (_case, attempt, message) => {
    expect(attempt).toThrow(message);
  });
});
