import { checkDivisionCodeFormat } from '../identifiers';

/**
 * Deadlines are policy, set per jurisdiction by the measures that govern it. Seed files: 004 = Inner
 * Mongolia Autonomous Region interim measures (2024), 001 = Hulunbuir draft measures (2022),
 * 002 = Anhui Province measures (2021).
 */
export type DeadlineKind =
  | 'CATALOG_UPDATE'
  | 'CATALOG_APPROVAL'
  | 'CATALOG_REPORT'
  | 'SHARE_REPLY'
  | 'SHARE_DELIVERY'
  | 'DEMAND_REPLY'
  | 'DEMAND_DELIVERY'
  | 'REFLOW_REPLY'
  | 'UPWARD_STEP'
  | 'OBJECTION_VERIFICATION'
  | 'OPEN_APPLICATION_REVIEW'
  | 'OPEN_APPLICATION_DECISION'
  | 'QUALITY_VERIFICATION'
  | 'QUALITY_VERIFICATION_EXTENDED';

export interface DeadlineRule {
  workingDays: number;
  citation: string;
}

export interface PolicyProfile {
  id: string;
  name: string;
  citation: string;
  rules: Partial<Record<DeadlineKind, DeadlineRule>>;
  /** Profile id consulted for kinds this one does not set. */
  fallback?: string;
}

const INNER_MONGOLIA_2024: PolicyProfile = {
  id: 'INNER_MONGOLIA_2024',
  name: 'Inner Mongolia Autonomous Region Interim Measures for Public Data Management (2024)',
  citation: '004',
  rules: {
    CATALOG_UPDATE: { workingDays: 15, citation: '004 art. 11' },
    CATALOG_APPROVAL: { workingDays: 5, citation: '004 art. 11' },
    // Art. 10 ¶2 has the authority one level up review a reported catalog without a time limit; the
    // 5 working days art. 11 gives an authority to approve a catalog update stand in.
    CATALOG_REPORT: { workingDays: 5, citation: '004 art. 10 ¶2 (limit of art. 11)' },
    SHARE_REPLY: { workingDays: 5, citation: '004 art. 23' },
    SHARE_DELIVERY: { workingDays: 5, citation: '004 art. 23' },
    DEMAND_REPLY: { workingDays: 5, citation: '004 art. 24' },
    DEMAND_DELIVERY: { workingDays: 7, citation: '004 art. 24' },
    // Art. 19 (reflow) and art. 25 (upward application) set no time limit of their own; each reply
    // reuses the 5 working days art. 23 gives a source department to answer a share request.
    REFLOW_REPLY: { workingDays: 5, citation: '004 art. 19 (limit of art. 23)' },
    UPWARD_STEP: { workingDays: 5, citation: '004 art. 25 (limit of art. 23)' },
    // Art. 28 ¶3 suspends opening at once and has the source department verify, without a time limit;
    // the 7 working days Anhui gives a providing department to verify a reported error (002 art. 26) stand in.
    OBJECTION_VERIFICATION: { workingDays: 7, citation: '004 art. 28 ¶3 (limit of 002 art. 26)' },
    // Art. 28 ¶2 has a conditional-open application reviewed and decided "in time" (及时) without a limit;
    // the 5 working days art. 23 gives for a conditional share request stand in for each step.
    OPEN_APPLICATION_REVIEW: { workingDays: 5, citation: '004 art. 28 ¶2 (limit of art. 23)' },
    OPEN_APPLICATION_DECISION: { workingDays: 5, citation: '004 art. 28 ¶2 (limit of art. 23)' },
    // Art. 45 has a reported error marked, verified and answered "in time" (及时); Anhui's 7 working
    // days, extendable once by 7 (002 art. 26), stand in.
    QUALITY_VERIFICATION: { workingDays: 7, citation: '004 art. 45 (limit of 002 art. 26)' },
    QUALITY_VERIFICATION_EXTENDED: { workingDays: 14, citation: '004 art. 45 (limit of 002 art. 26, extended once by 7)' },
  },
};

const HULUNBUIR_2022_DRAFT: PolicyProfile = {
  id: 'HULUNBUIR_2022_DRAFT',
  name: 'Hulunbuir Government Data Resource Measures (2022 draft)',
  citation: '001',
  rules: {
    // Art. 24: the data resource agency and the providing department review a conditional request in 10.
    SHARE_REPLY: { workingDays: 10, citation: '001 art. 24' },
    // Art. 28 ¶4 opens conditional data to those meeting the published conditions, without a limit; its
    // 10 working days for a conditional share request (art. 24) stand in for each step of an application.
    OPEN_APPLICATION_REVIEW: { workingDays: 10, citation: '001 art. 28 (limit of art. 24)' },
    OPEN_APPLICATION_DECISION: { workingDays: 10, citation: '001 art. 28 (limit of art. 24)' },
  },
  fallback: INNER_MONGOLIA_2024.id,
};

const ANHUI_2021: PolicyProfile = {
  id: 'ANHUI_2021',
  name: 'Anhui Province Government Data Resource Measures (2021)',
  citation: '002',
  rules: {
    CATALOG_UPDATE: { workingDays: 10, citation: '002 art. 15' },
    CATALOG_REPORT: { workingDays: 3, citation: '002 art. 15' },
    SHARE_REPLY: { workingDays: 7, citation: '002 art. 25' },
    // Art. 36 sorts open data into the three types without a procedure or limit for applications; the
    // 7 working days of art. 25 for a share reply stand in for each step.
    OPEN_APPLICATION_REVIEW: { workingDays: 7, citation: '002 art. 36 (limit of art. 25)' },
    OPEN_APPLICATION_DECISION: { workingDays: 7, citation: '002 art. 36 (limit of art. 25)' },
    // Art. 26: a reported error is checked and answered within 7 working days; an extension adds at most 7.
    QUALITY_VERIFICATION: { workingDays: 7, citation: '002 art. 26' },
    QUALITY_VERIFICATION_EXTENDED: { workingDays: 14, citation: '002 art. 26 (7, extended once by 7)' },
  },
  // Anhui's measures are silent on approval, delivery, demand, reflow and upward limits; the region's
  // limits stand in so that an Anhui-assigned jurisdiction still gets a deadline for every kind.
  fallback: INNER_MONGOLIA_2024.id,
};

export const POLICY_PROFILES: Readonly<Record<string, PolicyProfile>> = Object.freeze({
  INNER_MONGOLIA_2024,
  HULUNBUIR_2022_DRAFT,
  ANHUI_2021,
});

function requireProfile(profileId: string): PolicyProfile {
  const profile = POLICY_PROFILES[profileId];
  if (!profile) throw new Error(`profileId: no policy profile '${profileId}' (known: ${Object.keys(POLICY_PROFILES).join(', ')})`);
  return profile;
}

/** The rule for `kind`, from the profile or the first fallback that sets it; profileId says which one. */
export function ruleFor(profile: PolicyProfile, kind: DeadlineKind): DeadlineRule & { profileId: string } {
  const visited = new Set<string>();
  for (let current: PolicyProfile | undefined = profile; current; ) {
    if (visited.has(current.id)) break;
    visited.add(current.id);
    const rule = current.rules[kind];
    if (rule) return { ...rule, profileId: current.id };
    current = current.fallback ? requireProfile(current.fallback) : undefined;
  }
  throw new Error(`kind: policy profile ${profile.id} sets no ${kind} deadline (consulted ${[...visited].join(' → ')})`);
}

/** Inner Mongolia (15) follows the region's measures, except Hulunbuir (1507) which has its own. */
export const DEFAULT_PROFILE_ASSIGNMENTS: Readonly<Record<string, string>> = Object.freeze({
  '15': INNER_MONGOLIA_2024.id,
  '1507': HULUNBUIR_2022_DRAFT.id,
});

/**
 * Which profile governs a division: the assignment with the longest matching code prefix wins, so a
 * league (1507) can differ from its region (15) and a banner from its league.
 */
export class ProfileAssignments {
  private readonly byPrefix = new Map<string, string>();

  constructor(initial: Readonly<Record<string, string>> = DEFAULT_PROFILE_ASSIGNMENTS) {
    for (const [prefix, profileId] of Object.entries(initial)) this.assign(prefix, profileId);
  }

  assign(divisionPrefix: string, profileId: string): void {
    if (!/^\d{2,6}$/.test(divisionPrefix)) throw new Error(`divisionPrefix: '${divisionPrefix}' is not 2 to 6 digits of a division code`);
    requireProfile(profileId);
    this.byPrefix.set(divisionPrefix, profileId);
  }

  /** The table as prefix → profile id, longest prefixes first (the order they are matched in). */
  entries(): Array<[string, string]> {
    return [...this.byPrefix.entries()].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  }

  profileFor(divisionCode: string): PolicyProfile {
    const format = checkDivisionCodeFormat(divisionCode);
    if (!format.valid) throw new Error(`divisionCode: '${divisionCode}' is not a division code: ${format.reason}`);
    const match = this.entries().find(([prefix]) => divisionCode.startsWith(prefix));
    if (!match) throw new Error(`divisionCode: no policy profile is assigned to division ${divisionCode}`);
    return requireProfile(match[1]);
  }
}

export const defaultProfileAssignments = new ProfileAssignments();

export function profileForJurisdiction(divisionCode: string): PolicyProfile {
  return defaultProfileAssignments.profileFor(divisionCode);
}

export function assignProfile(divisionPrefix: string, profileId: string): void {
  defaultProfileAssignments.assign(divisionPrefix, profileId);
}
