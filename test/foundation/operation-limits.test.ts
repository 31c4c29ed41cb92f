import { OPERATION_LIMITS } from '../../gateway/gateway';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token(demoAgency('150700', Sector.HEALTH));
});
afterAll(() => stack?.stop());

// What an operation may cost is demand control's: test/security/demand-control.test.ts.
describe('the gateway limits the shape of operations (GraphQL Armor)', () => {
  it(`refuses a depth-20 query with a clear error, no 5xx (limit ${OPERATION_LIMITS.maxDepth})`, async () => {
    let selection = 'code';
    for (let i = 0; i < 19; i++) selection = `parent { ${selection} }`;
    const response = await stack.query(`{ jurisdiction(code: "150102") { ${selection} } }`, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors![0].message).toMatch(/depth/i);
  });

  it(`refuses a 100-alias query with a clear error, no 5xx (limit ${OPERATION_LIMITS.maxAliases})`, async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: jurisdiction(code: "150000") { code }`).join('\n');
    const response = await stack.query(`{ ${aliases} }`, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors![0].message).toMatch(/alias/i);
  });

  it('still serves a reasonable query', async () => {
    const response = await stack.query('{ a: jurisdiction(code: "150000") { code } b: jurisdiction(code: "150100") { parent { parent { code } } } }', {}, token);
    expect(response.body).toEqual({ data: { a: { code: '150000' }, b: { parent: { parent: null } } } });
  });
});
