import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { startTestStack, TestStack } from '../support/stack';

// A null always carries its reason, at its own path. In a catalog page the region answers its own
// resources and sends the city's to the city platform; the city's errors about `_entities[i]` must land
// on the i-th city resource of the page, not on the i-th resource of the whole page (which the stock
// gateway does when the page mixes levels; patches/@apollo+gateway+2.14.4.patch corrects it).
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

it('puts each platform\'s refusal of a record field on the resource it concerns, in a page that mixes levels', async () => {
  const token = await stack.token(demoAgency('150102', Sector.HEALTH));
  const response = await stack.query(
    '{ catalog(filter: { text: "人口基础信息" }) { edges { node { __typename id records(first: 1, items: ["household_address"]) { nodes { fields { value } } } } } } }',
    {},
    token,
  );
  const nodes = response.body.data.catalog.edges.map((e: { node: { __typename: string; id: string } }) => e.node);
  expect(nodes.map((n: { __typename: string }) => n.__typename)).toEqual(['RegionResource', 'CityResource', 'CityResource']);
  const errors = response.body.errors!;
  expect(errors).toHaveLength(3);
  for (const error of errors) {
    const index = error.path![2] as number;
    expect(error.path).toEqual(['catalog', 'edges', index, 'node', 'records', 'nodes', 0, 'fields', 0, 'value']);
    expect(error.extensions).toMatchObject({ code: 'SHARE_DENIED', resourceId: nodes[index].id });
  }
  expect(new Set(errors.map((e) => e.path![2]))).toEqual(new Set([0, 1, 2]));
});
