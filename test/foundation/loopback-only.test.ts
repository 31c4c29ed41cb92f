import net from 'node:net';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack } from '../support/stack';

// No phone-home: every connection the platform opens — gateway to subgraphs, subgraphs to their
// databases, the gateway's own start-up — goes to a loopback address. Observed, not mocked.
describe('no process opens a connection to anything but loopback', () => {
  it('a full stack start and a cross-level query connect only to loopback', async () => {
    const targets: string[] = [];
    const original = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: any[]) {
      const options = typeof args[0] === 'object' ? args[0] : { port: args[0], host: args[1] };
      targets.push(options.path ? `unix:${options.path}` : `${options.host ?? 'localhost'}:${options.port}`);
      return (original as any).apply(this, args);
    } as typeof original;
    try {
      const stack = await startTestStack();
      try {
        const token = await stack.token(demoAgency('150100', Sector.HEALTH));
        const response = await stack.query('{ jurisdiction(code: "150100") { name platform { name resources(first: 1) { totalCount } } children { platform { name resources(first: 1) { totalCount } } } } }', {}, token);
        expect(response.body.errors).toBeUndefined();
      } finally {
        await stack.stop();
      }
    } finally {
      net.Socket.prototype.connect = original;
    }
    expect(targets.length).toBeGreaterThan(0);
    const foreign = targets.filter((t) => !/^(unix:|localhost:|127\.\d+\.\d+\.\d+:|::1:|\[::1\]:)/.test(t));
    expect(foreign).toEqual([]);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});
