import { loadConfig } from '../../subgraphs/kernel/config';

// Configuration is read from the environment once, at start, and refused as a whole when wrong.
const secrets = { JWT_SECRET: 'j'.repeat(32), GATEWAY_SIGNING_SECRET: 'g'.repeat(32), SERVICE_TOKEN_SECRET: 's'.repeat(32) };

describe('configuration', () => {
  it('requires every secret in production and names each one missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production[\s\S]*SERVICE_TOKEN_SECRET is required[\s\S]*GATEWAY_SIGNING_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).environment).toBe('production');
  });

  it('refuses the benchmark-only enforcement bypass in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, BENCH_ENFORCEMENT_BYPASS: 'true' })).toThrow(/BENCH_ENFORCEMENT_BYPASS is a benchmark switch/);
    expect(loadConfig({ NODE_ENV: 'development', BENCH_ENFORCEMENT_BYPASS: 'true' }).enforcementBypass).toBe(true);
  });

  it('shows query plans outside production, and in production only when asked', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).gateway.showQueryPlans).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).gateway.showQueryPlans).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets, GATEWAY_SHOW_QUERY_PLANS: 'true' }).gateway.showQueryPlans).toBe(true);
    expect(() => loadConfig({ GATEWAY_SHOW_QUERY_PLANS: 'yes' })).toThrow(/GATEWAY_SHOW_QUERY_PLANS must be true or false/);
  });
});
