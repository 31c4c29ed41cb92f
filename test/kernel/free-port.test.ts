import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { closeServer, freePort, listen, listeningPortRange } from '../../subgraphs/kernel/server/http';

// Test stacks and the benchmark choose their services' ports before starting them. A port from the
// kernel's range for outgoing connections could meanwhile become the local end of a connection
// (to the database, between services) and the service would fail to listen; so they come from below it.
describe('free loopback ports', () => {
  it('come from below the range of outgoing connections, and can be listened on', async () => {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10000);
      expect(port).toBeLessThan(ephemeralLow);
    }
    const server = createServer();
    expect(await listen(server, ports[0], '127.0.0.1')).toBe(ports[0]);
    await closeServer(server);
  });

  it('come from above the ports fetch refuses to connect to, so tests and browsers can reach them', async () => {
    // 10080 is the highest port on the Fetch standard's block list; a county platform once drew it in CI.
    const refused = await fetch('http://127.0.0.1:10080/').catch((error: Error) => error.cause);
    expect(String((refused as Error)?.message)).toMatch(/bad port/);
    expect(listeningPortRange()[0]).toBeGreaterThan(10080);
  });
});
