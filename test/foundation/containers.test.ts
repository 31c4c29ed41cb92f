import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../subgraphs/kernel/config';
import { LEVEL_FACTS, LEVELS, Level } from '../../subgraphs/kernel/levels';

// Issue 14: there is no Docker daemon here, so the container files are checked for what would break
// them: every service's environment must be a valid configuration, and the services must find each
// other by name on the ports they listen on.
const ROOT = path.join(__dirname, '..', '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; ports?: string[]; healthcheck?: unknown }>;
};
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** What `docker compose` makes of `${VAR:?message}` and `${VAR:-default}` once the operator sets the secrets. */
function interpolated(environment: Record<string, string>): Record<string, string> {
  const operator: Record<string, string> = { JWT_SECRET: 'j'.repeat(40), GATEWAY_SIGNING_SECRET: 'g'.repeat(40), SERVICE_TOKEN_SECRET: 's'.repeat(40) };
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, String(value).replace(/\$\{(\w+)(?::[?-]([^}]*))?\}/g, (_m, variable: string, fallback?: string) => operator[variable] ?? (fallback ?? ''))]),
  );
}

const LEVEL_SERVICES: Record<Level, string> = { REGION: 'region', CITY: 'city', COUNTY: 'county' };

describe('docker-compose.yml', () => {
  const platformServices = Object.entries(compose.services).filter(([, service]) => service.command?.[0] === 'node');

  it('runs the three level platforms and the gateway', () => {
    expect(platformServices.map(([name, service]) => [name, service.command!.slice(1).join(' ')])).toEqual([
      ['region', 'dist/scripts/start-level.js REGION'],
      ['city', 'dist/scripts/start-level.js CITY'],
      ['county', 'dist/scripts/start-level.js COUNTY'],
      ['gateway', 'dist/gateway/main.js'],
    ]);
  });

  it.each(['region', 'city', 'county', 'gateway'])('gives %s an environment the configuration accepts, listening beyond loopback', (name) => {
    const config = loadConfig(interpolated(compose.services[name].environment!));
    expect(config.environment).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.seedDemo).toBe(false);
    for (const level of LEVELS) expect(config.subgraphs[level].database).toMatchObject({ kind: 'mysql', flavor: 'mariadb', url: 'mysql://root@mariadb:3306/' });
  });

  it.each(['region', 'city', 'county', 'gateway'])('lets %s reach every level by service name, on the port that level listens on', (name) => {
    const config = loadConfig(interpolated(compose.services[name].environment!));
    for (const level of LEVELS) {
      const url = new URL(config.subgraphs[level].url);
      expect(url.hostname).toBe(LEVEL_SERVICES[level]);
      expect(url.hostname in compose.services).toBe(true);
      // The level's own container listens on its configured port, which is what the others call.
      expect(Number(url.port)).toBe(loadConfig(interpolated(compose.services[LEVEL_SERVICES[level]].environment!)).subgraphs[level].port);
      expect(Number(url.port)).toBe(LEVEL_FACTS[level].defaultPort);
    }
  });

  it('checks each service by its own readiness, and publishes only the gateway', () => {
    for (const [name, service] of platformServices) {
      const config = loadConfig(interpolated(service.environment!));
      const port = name === 'gateway' ? config.gateway.port : config.subgraphs[name.toUpperCase() as Level].port;
      expect(service.environment!.HEALTH_URL).toBe(`http://127.0.0.1:${port}/readyz`);
      expect(service.ports ?? []).toEqual(name === 'gateway' ? ['4000:4000'] : []);
    }
  });
});

describe('Dockerfile', () => {
  it('builds in one stage and runs from another with production dependencies only, as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 4000 4001 4002 4003$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD \[/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/gateway\/main.js"\]$/m);
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
  });

  it('copies nothing of this machine: .dockerignore leaves out installs, data and history', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.git', '*.sqlite']) expect(ignored).toContain(entry);
    expect(dockerfile).not.toMatch(/^COPY \. \./m);
  });
});
