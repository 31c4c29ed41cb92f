import { signToken } from '../../subgraphs/kernel/auth/jwt';
import { loadConfig } from '../../subgraphs/kernel/config';
import { errorCodes, startTestStack, TestStack } from '../support/stack';
import { cityServiceToken, HOHHOT_AUTHORITY, hohhotSubscribesToPersons, HULUNBUIR_AUTHORITY, REFLOW_TEST_ENV } from './reflow-fixtures';

// Scheduled and command-line reflow runs have no user: the receiving platform mints a short-lived
// SERVICE token for the subscriber. Subgraphs accept it for the pull fields only; the gateway never.
let stack: TestStack;
let subscriptionId: string;

const PULL = 'query($s: ID!) { regionReflowChanges(subscriptionId: $s, limit: 5) { shape columns rows hasMore } }';
const serviceToken = (agency = HOHHOT_AUTHORITY, secret = stack.config.serviceTokenSecret) => cityServiceToken(stack, agency, secret);

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  subscriptionId = await hohhotSubscribesToPersons(stack);
});
afterAll(() => stack?.stop());

describe('SERVICE identities', () => {
  it('lets the subscriber\'s SERVICE token pull its subscription from the source subgraph', async () => {
    const response = await stack.direct('REGION', PULL, { token: await serviceToken(), signed: true, variables: { s: subscriptionId } });
    expect(response.body.errors).toBeUndefined();
    // Without a grant Hohhot's authority gets the UNCONDITIONAL items; the key (id_number) heads each row.
    expect(response.body.data.regionReflowChanges).toMatchObject({ columns: ['name', 'gender', 'birth_date'], hasMore: true });
    expect(response.body.data.regionReflowChanges.rows).toHaveLength(5);
  });

  it('is refused by the gateway as UNAUTHENTICATED', async () => {
    const response = await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { totalCount } } } }', {}, await serviceToken());
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeUndefined();
  });

  it('reaches nothing but the pull fields at a subgraph', async () => {
    const response = await stack.direct('REGION', '{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { totalCount } } } }', { token: await serviceToken(), signed: true });
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeUndefined();
  });

  it('still needs the request signature', async () => {
    const response = await stack.direct('REGION', PULL, { token: await serviceToken(), variables: { s: subscriptionId } });
    expect(response.status).toBe(401);
  });

  it('pulls only the subscriptions of the agency it names', async () => {
    const response = await stack.direct('REGION', PULL, { token: await serviceToken(HULUNBUIR_AUTHORITY), signed: true, variables: { s: subscriptionId } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('is not forged with the user-token secret, nor claimed in a user token', async () => {
    const jwtSecret = (stack.config.jwt as { secret: string }).secret;
    const forged = await serviceToken(HOHHOT_AUTHORITY, jwtSecret);
    expect(errorCodes(await stack.direct('REGION', PULL, { token: forged, signed: true, variables: { s: subscriptionId } }))).toEqual(['UNAUTHENTICATED']);
    const claimed = await signToken({ sub: 'someone', agency: HOHHOT_AUTHORITY.uscc, jurisdiction: '150100', level: 'CITY', roles: ['SERVICE'] }, jwtSecret);
    expect(errorCodes(await stack.direct('REGION', PULL, { token: claimed, signed: true, variables: { s: subscriptionId } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 1) { totalCount } } } }', {}, claimed))).toEqual(['UNAUTHENTICATED']);
  });

  it('leaves the pull fields closed to user tokens', async () => {
    const user = await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER');
    expect(errorCodes(await stack.direct('REGION', PULL, { token: user, signed: true, variables: { s: subscriptionId } }))).toEqual(['FORBIDDEN']);
  });
});

describe('configuration of the reflow settings', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), GATEWAY_SIGNING_SECRET: 'g'.repeat(40) };

  it('requires SERVICE_TOKEN_SECRET in production, at least 32 characters, different from JWT_SECRET', () => {
    expect(() => loadConfig(production)).toThrow(/SERVICE_TOKEN_SECRET is required in production/);
    expect(() => loadConfig({ ...production, SERVICE_TOKEN_SECRET: 'short' })).toThrow(/SERVICE_TOKEN_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ ...production, SERVICE_TOKEN_SECRET: 'j'.repeat(40) })).toThrow(/must differ from JWT_SECRET/);
    expect(loadConfig({ ...production, SERVICE_TOKEN_SECRET: 's'.repeat(40) }).serviceTokenSecret).toBe('s'.repeat(40));
  });

  it('refuses the test-only batch pause in production, and runs the scheduler except under test', () => {
    expect(() => loadConfig({ ...production, SERVICE_TOKEN_SECRET: 's'.repeat(40), REFLOW_TEST_BATCH_PAUSE_MS: '100' })).toThrow(/REFLOW_TEST_BATCH_PAUSE_MS is a test switch/);
    expect(loadConfig({}).reflow.scheduler).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).reflow.scheduler).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', REFLOW_SCHEDULER: 'true' }).reflow.scheduler).toBe(true);
    expect(() => loadConfig({ REFLOW_PAGE_SIZE: '0' })).toThrow(/REFLOW_PAGE_SIZE must be between 1 and 5000/);
  });
});
