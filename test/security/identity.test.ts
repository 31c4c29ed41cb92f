import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { signToken, TokenSubject } from '../../subgraphs/kernel/auth/jwt';
import { composeUscc } from '../../subgraphs/kernel/identifiers';
import { LEVELS, Level } from '../../subgraphs/kernel/levels';
import { Agency } from '../../subgraphs/modules/agency/agency.entity';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';
import { levelId, onPlatform } from '../support/api';

// Issue 11, claims trusted over the registry: every platform takes an agency's level and jurisdiction,
// and whether it may hold a role, from its own copy of the agency registry, never from the token; a
// token that contradicts the registry, names no registered agency, or never expires identifies no one.
let stack: TestStack;
let secret: string;

beforeAll(async () => {
  stack = await startTestStack();
  secret = (stack.config.jwt as { secret: string }).secret;
});
afterAll(() => stack?.stop());

const COUNTY_HEALTH = demoAgency('150102', Sector.HEALTH);
const sign = (subject: Partial<TokenSubject> & Pick<TokenSubject, 'agency'>, expiresIn = '1h') =>
  signToken({ sub: 'identity-test', roles: ['AGENCY_USER'], ...subject }, secret, { expiresIn });

/** A query every level answers: the calendar coverage of this year, each level on its own platform. */
const PROBE: Record<Level, string> = {
  REGION: onPlatform('REGION', 'calendarCoverage(years: [2026]) { year }'),
  CITY: onPlatform('CITY', 'calendarCoverage(years: [2026]) { year }'),
  COUNTY: onPlatform('COUNTY', 'calendarCoverage(years: [2026]) { year }'),
};

/** The token is refused with UNAUTHENTICATED and the reason, through the gateway and by each platform itself. */
async function expectRefusedEverywhere(token: string, reason: RegExp) {
  for (const level of LEVELS) {
    const viaGateway = await stack.query(PROBE[level], {}, token);
    expect({ level, status: viaGateway.status, body: viaGateway.body }).toEqual({
      level,
      status: 401,
      body: { errors: [{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    const direct = await stack.direct(level, PROBE[level], { token, signed: true });
    expect({ level, status: direct.status, code: direct.body.errors?.[0].extensions?.code, message: direct.body.errors?.[0].message }).toEqual({
      level,
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(reason),
    });
  }
}

describe('identity comes from the registry, not from the token', () => {
  it('refuses a county agency whose token claims the region level and jurisdiction', async () => {
    await expectRefusedEverywhere(await sign({ agency: COUNTY_HEALTH.uscc, level: 'REGION', jurisdiction: '150000' }), /says level REGION, but agency .* is registered at COUNTY level \(150102\)/);
    await expectRefusedEverywhere(await sign({ agency: COUNTY_HEALTH.uscc, jurisdiction: '150000' }), /says jurisdiction 150000, but agency .* is registered in 150102/);
  });

  it('gives no region powers to such a token: the region authority\'s act stays refused', async () => {
    const countyAuthority = demoAuthority('150102');
    const claimsRegion = await sign({ agency: countyAuthority.uscc, level: 'REGION', jurisdiction: '150000', roles: ['AUTHORITY_REVIEWER'] });
    const response = await stack.query('mutation { suspendRegionAgency(uscc: "11150000002500009C", reason: "test") { active } }', {}, claimsRegion);
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
  });

  it('refuses a token for a valid USCC that no registration names', async () => {
    const unknown = composeUscc('1', '1', '150102', '09999999');
    await expectRefusedEverywhere(await sign({ agency: unknown }), new RegExp(`agency ${unknown} is not in the agency registry`));
  });

  it('refuses AUTHORITY_REVIEWER for an agency that is not the data authority of its jurisdiction', async () => {
    await expectRefusedEverywhere(await sign({ agency: COUNTY_HEALTH.uscc, roles: ['AUTHORITY_REVIEWER'] }), /role AUTHORITY_REVIEWER: agency .* is not the public data authority of 150102/);
  });

  it('refuses SOURCE_REVIEWER for an agency not registered as a data source department', async () => {
    const office = { uscc: composeUscc('1', '1', '150102', '08888888'), name: '新城区机关事务服务中心', sector: Sector.HEALTH, jurisdictionCode: '150102', level: 'COUNTY' as const, isSourceDepartment: false };
    await stack.register(office);
    await expectRefusedEverywhere(await sign({ agency: office.uscc, roles: ['SOURCE_REVIEWER'] }), /role SOURCE_REVIEWER: agency .* is not registered as a data source department/);
    const asUser = await sign({ agency: office.uscc, roles: ['AGENCY_USER'] });
    expect((await stack.query(PROBE.COUNTY, {}, asUser)).status).toBe(200);
  });

  it('refuses a token without an expiry, and one valid for longer than the platform accepts', async () => {
    const eternal = await new SignJWT({ agency: COUNTY_HEALTH.uscc, roles: ['AGENCY_USER'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuedAt().sign(new TextEncoder().encode(secret));
    await expectRefusedEverywhere(eternal, /missing required "exp" claim/);
    const tooLong = await sign({ agency: COUNTY_HEALTH.uscc }, `${stack.config.jwt.maxLifetimeSeconds + 3600}s`);
    await expectRefusedEverywhere(tooLong, /valid for \d+ s, longer than the \d+ s this platform accepts/);
  });

  it('answers a token that names only the agency and its roles, with the registry\'s level and jurisdiction', async () => {
    const token = await sign({ agency: COUNTY_HEALTH.uscc });
    const response = await stack.query(PROBE.COUNTY, {}, token);
    expect(response.status).toBe(200);
    // A county agency files upward applications on its own platform: the registry's COUNTY decides where.
    const wrongPlatform = await stack.query(`mutation { fileCityUpwardApplication(input: { resourceId: "${levelId('REGION', 'Resource', 'any')}", items: ["phone"], scenario: "场景", purpose: "用途", legalBasis: "依据", shareMode: INTERFACE, requestedEndDate: "2030-01-01T00:00:00Z" }) { id } }`, {}, token);
    expect(wrongPlatform.body.errors?.[0].message).toMatch(/a COUNTY agency files upward applications on the county platform/);
  });

  it('sees a change to the registry at once: an agency no longer a source department loses the role on its next request', async () => {
    const agency = demoAgency('150121', Sector.CIVIL_AFFAIRS);
    const token = await sign({ agency: agency.uscc, roles: ['SOURCE_REVIEWER'] });
    expect((await stack.query(PROBE.CITY, {}, token)).status).toBe(200);
    await stack.subgraphs.CITY.db.getRepository(Agency).update({ uscc: agency.uscc }, { isSourceDepartment: false });
    try {
      expect((await stack.query(PROBE.CITY, {}, token)).status).toBe(401);
    } finally {
      await stack.subgraphs.CITY.db.getRepository(Agency).update({ uscc: agency.uscc }, { isSourceDepartment: true });
    }
  });
});

describe('the region registers, and every level learns it before it counts (004 art. 13)', () => {
  const REGISTER = 'mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { uscc level isSourceDepartment } }';
  const newcomer = { uscc: composeUscc('1', '1', '150121', '07777777'), name: '土默特左旗医疗保障局', sector: 'HEALTH', jurisdictionCode: '150121' };

  it('passes a registration down, so the new agency is known at every level', async () => {
    const cityAuthority = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
    const registered = await stack.query(REGISTER, { input: newcomer }, cityAuthority);
    expect(registered.body).toEqual({ data: { registerAgency: { uscc: newcomer.uscc, level: 'COUNTY', isSourceDepartment: true } } });
    for (const level of LEVELS) expect(await stack.subgraphs[level].db.getRepository(Agency).findOneBy({ uscc: newcomer.uscc })).toMatchObject({ jurisdictionCode: '150121', level: 'COUNTY' });
    const token = await sign({ agency: newcomer.uscc });
    for (const level of LEVELS) expect((await stack.query(PROBE[level], {}, token)).status).toBe(200);
  });

  it('refuses an authority registering outside its jurisdiction, and nothing is registered anywhere', async () => {
    const outsider = { ...newcomer, uscc: composeUscc('1', '1', '150702', '07777777'), jurisdictionCode: '150702' };
    const hohhot = await stack.token(demoAuthority('150100'), 'AUTHORITY_REVIEWER');
    expect((await stack.query(REGISTER, { input: outsider }, hohhot)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const level of LEVELS) expect(await stack.subgraphs[level].db.getRepository(Agency).findOneBy({ uscc: outsider.uscc })).toBeNull();
  });
});

describe('npm run token mints only what the registry allows', () => {
  const run = promisify(execFile);
  const token = (...args: string[]) => run('npx', ['ts-node', '--transpile-only', path.join(__dirname, '..', '..', 'scripts', 'token.ts'), ...args], { env: { ...process.env, NODE_ENV: 'development' } });

  it('mints a token for an authority as AUTHORITY_REVIEWER, naming only agency and roles', async () => {
    const { stdout } = await token('--agency', demoAuthority('150102').uscc, '--role', 'AUTHORITY_REVIEWER');
    const claims = JSON.parse(Buffer.from(stdout.trim().split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ agency: demoAuthority('150102').uscc, roles: ['AUTHORITY_REVIEWER'] });
    expect(claims.level).toBeUndefined();
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(12 * 3600);
  });

  it.each([
    ['AUTHORITY_REVIEWER for a health bureau', COUNTY_HEALTH.uscc, 'AUTHORITY_REVIEWER', /belongs to a public data authority/],
    ['SERVICE by hand', COUNTY_HEALTH.uscc, 'SERVICE', /minted by the platforms/],
  ])('refuses %s', async (_case, agency, role, message) => {
    await expect(token('--agency', agency, '--role', role)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(message) });
  });
});
