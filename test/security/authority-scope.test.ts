import { randomUUID } from 'node:crypto';
import { levelName } from '../../subgraphs/kernel/levels';
import { Level } from '../../subgraphs/kernel/levels';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { DemandApplication } from '../../subgraphs/modules/demand/demand.entity';
import { DemandState } from '../../subgraphs/modules/demand/enums';
import { startTestStack, TestStack } from '../support/stack';
import { levelId } from '../support/api';

// Issue 11, authorities act within their jurisdiction: 004 art. 50 has an authority act "按照法定权限",
// and 004 art. 44 makes every step traceable to whom it concerns. A county authority acts within its
// county, a city authority within its city and its counties, the region over all — whatever platform
// the act is asked of. The table: authority × target (own, child, sibling, parent, another city) × act.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  // Something for the audit trail to show: an access to region data by an agency of every jurisdiction.
  for (const code of ['150000', '150100', '150700', '150102', '150121', '150702']) {
    await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { edges { node { idNumber name } } } } } }', {}, await stack.token(demoAgency(code, Sector.HEALTH)));
  }
});
afterAll(() => stack?.stop());

type Relation = 'own' | 'child' | 'sibling' | 'parent' | 'another city';

/** Each authority, and the jurisdiction of each of its relations among the demo jurisdictions. */
const AUTHORITIES: { code: string; level: Level; targets: Partial<Record<Relation, string>> }[] = [
  { code: '150102', level: 'COUNTY', targets: { own: '150102', sibling: '150121', parent: '150100', 'another city': '150702' } },
  { code: '150100', level: 'CITY', targets: { own: '150100', child: '150102', sibling: '150700', parent: '150000', 'another city': '150702' } },
  { code: '150000', level: 'REGION', targets: { own: '150000', child: '150100', 'another city': '150702' } },
];

/** An act of an authority on a target jurisdiction; `allowed` says whether it got through. */
interface Act {
  name: string;
  /** Whether the rule lets an authority of `authority` act on `target`. */
  rule: (authority: string, target: string) => boolean;
  attempt: (token: string, level: Level, target: string) => Promise<boolean>;
}

const withinAuthority = (authority: string, target: string) => target.startsWith(authority.endsWith('0000') ? authority.slice(0, 2) : authority.endsWith('00') ? authority.slice(0, 4) : authority);
const MISUSE = '超出批准用途使用共享数据（004 第五十条）';

const ACTS: Act[] = [
  {
    name: 'suspends an agency on its own level\'s platform, and lifts it (004 art. 50)',
    rule: withinAuthority,
    async attempt(token, level, target) {
      const uscc = demoAgency(target, Sector.NATURAL_RESOURCES).uscc;
      const suspend = await stack.query(`mutation($u: ID!, $r: String!) { ${levelName(level, 'suspend{Level}Agency')}(uscc: $u, reason: $r) { active } }`, { u: uscc, r: MISUSE }, token);
      if (suspend.body.errors) {
        expect(suspend.body.errors[0].extensions?.code).toBe('FORBIDDEN');
        return false;
      }
      const lift = await stack.query(`mutation($u: ID!, $r: String!) { ${levelName(level, 'lift{Level}AgencySuspension')}(uscc: $u, reason: $r) { active } }`, { u: uscc, r: '已整改' }, token);
      expect(lift.body.errors).toBeUndefined();
      return true;
    },
  },
  {
    name: "reads the agency's accesses in the region platform's audit trail (004 art. 44)",
    rule: withinAuthority,
    async attempt(token, _level, target) {
      const uscc = demoAgency(target, Sector.HEALTH).uscc;
      const trail = await stack.query('query($u: ID!) { platform(level: REGION) { auditTrail(filter: { agencyUscc: $u }) { nodes { agencyUscc agencyJurisdiction recordKeys } } } }', { u: uscc }, token);
      expect(trail.body.errors).toBeUndefined();
      return trail.body.data.platform.auditTrail.nodes.length > 0;
    },
  },
  {
    name: "reviews a demand filed by the jurisdiction's agency (004 art. 24)",
    rule: withinAuthority,
    async attempt(token, level, target) {
      const id = randomUUID();
      await stack.subgraphs[level].db.getRepository(DemandApplication).insert({
        id,
        applicantUscc: demoAgency(target, Sector.CIVIL_AFFAIRS).uscc,
        applicantUser: 'scope-test',
        applicantJurisdiction: target,
        description: '婚姻登记状态',
        desiredItems: ['婚姻登记状态'],
        scenario: '低保家庭经济状况核对',
        purpose: '认定共同生活家庭成员',
        legalBasis: null,
        suggestedSourceUscc: null,
        sourceDepartmentUscc: null,
        state: DemandState.SUBMITTED,
        submittedAt: new Date(),
      });
      const review = await stack.query(`mutation($id: ID!) { ${levelName(level, 'review{Level}Demand')}(id: $id, decision: REFUSE, reason: "数据已在目录中") { state } }`, { id: levelId(level, 'DemandApplication', id) }, token);
      if (review.body.errors) {
        // A demand the authority may not act on is one it may not see either: NOT_FOUND, or FORBIDDEN.
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(review.body.errors[0].extensions?.code);
        return false;
      }
      return review.body.data[levelName(level, 'review{Level}Demand')].state === 'REFUSED';
    },
  },
];

const CASES = AUTHORITIES.flatMap(({ code, level, targets }) =>
  ACTS.flatMap((act) => Object.entries(targets).map(([relation, target]) => ({ authority: code, level, relation, target: target!, act }))),
);

describe('authority × target × act (004 art. 50 按照法定权限, art. 44)', () => {
  it.each(CASES.map((c) => [`${c.authority} ${c.act.name.split(' (')[0]} of its ${c.relation} (${c.target})`, c] as const))('%s', async (_name, c) => {
    const token = await stack.token(demoAuthority(c.authority), 'AUTHORITY_REVIEWER');
    expect(await c.act.attempt(token, c.level, c.target)).toBe(c.act.rule(c.authority, c.target));
  });

  it('shows an authority no audit record outside its subtree, whatever the filter', async () => {
    const hulunbuir = await stack.token(demoAuthority('150700'), 'AUTHORITY_REVIEWER');
    const trail = await stack.query('{ platform(level: REGION) { auditTrail(first: 1000) { nodes { agencyJurisdiction resourceJurisdiction } } } }', {}, hulunbuir);
    expect(trail.body.errors).toBeUndefined();
    expect(trail.body.data.platform.auditTrail.nodes.length).toBeGreaterThan(0);
    for (const record of trail.body.data.platform.auditTrail.nodes) {
      expect([record.agencyJurisdiction, record.resourceJurisdiction].some((code: string | null) => code?.startsWith('1507'))).toBe(true);
    }
  });
});
