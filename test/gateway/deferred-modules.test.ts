import { execFileSync } from 'node:child_process';
import path from 'node:path';

// gateway/deferred-modules.ts changes how Node loads modules, so it is checked in a Node process of its
// own (jest loads modules its own way): modules of switched-off features are not loaded with
// @apollo/gateway, and still work, loaded then, when something uses them.
const ROOT = path.join(__dirname, '..', '..');

function inFreshNode(script: string): Record<string, unknown> {
  const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!);
}

const LOADED = `const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));`;

describe('modules deferred until first use in a gateway worker', () => {
  it('does not load the telemetry SDK, composition, node-fetch or schema building along with @apollo/gateway and @apollo/server', () => {
    const result = inFreshNode(`${LOADED}
      require('./gateway/deferred-modules');
      require('@apollo/gateway');
      require('@apollo/server');
      console.log(JSON.stringify({
        metrics: loaded('@opentelemetry/sdk-metrics'), composition: loaded('@apollo/composition'), nodeFetch: loaded('node-fetch'),
        schemaBuilding: loaded('@graphql-tools/schema'),
        gateway: loaded('@apollo/gateway'), server: loaded('@apollo/server'),
      }));`);
    expect(result).toEqual({ metrics: false, composition: false, nodeFetch: false, schemaBuilding: false, gateway: true, server: true });
  });

  it('loads a deferred module when it is used, and it works as the real one', () => {
    const result = inFreshNode(`${LOADED}
      require('./gateway/deferred-modules');
      const composition = require('@apollo/composition');
      const before = loaded('@apollo/composition');
      const { composeServices } = composition;
      console.log(JSON.stringify({ before, after: loaded('@apollo/composition'), composeServices: typeof composeServices, listed: Object.keys(composition).includes('composeServices') }));`);
    expect(result).toEqual({ before: false, after: true, composeServices: 'function', listed: true });
  });
});
