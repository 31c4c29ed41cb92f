import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, print } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { describeApplications, MY_APPLICATIONS, myApplications } from '../../examples/my-applications';
import { demoAgency, demoAuthority, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { Level, LEVEL_FACTS, LEVELS } from '../../subgraphs/kernel/levels';
import { dataOf, sharingApi } from '../sharing/sharing-fixtures';
import { startTestStack, TestStack } from '../support/stack';
import { upwardApi } from '../upward/upward-fixtures';

// Issue 13: one API for front-end teams. The level is a type (RegionPlatform, CityPlatform,
// CountyPlatform), not a prefix of root fields; a client asks every level at once through `platforms`.
const schemaFile = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'schema', name), 'utf8');
const LEVEL_WORDS = new RegExp(LEVELS.map((level) => LEVEL_FACTS[level].word).join('|'));

describe('the public API schema (schema/public.graphql)', () => {
  const schema = buildSchema(schemaFile('public.graphql'));
  const queryFields = Object.keys(schema.getQueryType()!.getFields());
  const mutationFields = Object.keys(schema.getMutationType()!.getFields());

  it('has at most 15 root query fields, none named after a level', () => {
    expect(queryFields.length).toBeLessThanOrEqual(15);
    expect(queryFields.filter((name) => LEVEL_WORDS.test(name))).toEqual([]);
  });

  it('names each root mutation after the one level that serves it: writes stay with the level holding the object', () => {
    const levelsNamed = mutationFields.map((name) => [name, LEVELS.filter((level) => name.includes(LEVEL_FACTS[level].word))] as const);
    expect(levelsNamed.filter(([, levels]) => levels.length > 1)).toEqual([]);
    // Writes named after no level: to what the region keeps for every level — the agency registry (004 art. 13),
    // the register of open-data users (004 art. 28 ¶2), and the integrated catalog's upper-level review (004 art. 10 ¶2).
    expect(levelsNamed.filter(([, levels]) => levels.length === 0).map(([name]) => name).sort()).toEqual(['registerAgency', 'registerOpenDataUser', 'reviewCatalogReport']);
  });

  it('shows no platform-internal field and no federation machinery', () => {
    const text = schemaFile('public.graphql');
    for (const internal of ['_entities', '_service', 'join__', '@inaccessible', 'ReflowChanges', 'receiveCityUpwardApplication']) expect(text).not.toContain(internal);
  });
});

describe("a county agency's applications at every level, in one operation (the example client)", () => {
  let stack: TestStack;
  const requester = demoAgency('150102', Sector.CIVIL_AFFAIRS);
  const filed: Partial<Record<Level, string>> = {};
  let upwardId: string;

  /** A published resource of the level with a CONDITIONAL item, as a client finds it in the catalog. */
  async function conditionalResource(level: Level, token: string, jurisdictionCode: string) {
    const response = await stack.query(
      'query($level: PlatformLevel!) { catalog(filter: { level: $level }, first: 100) { edges { node { id name jurisdiction { code } items { code shareType } } } } }',
      { level },
      token,
    );
    const nodes: { id: string; name: string; jurisdiction: { code: string }; items: { code: string; shareType: string }[] }[] = dataOf(response).edges.map((e: { node: unknown }) => e.node);
    const resource = nodes.find((node) => node.jurisdiction.code === jurisdictionCode && node.items.some((item) => item.shareType === 'CONDITIONAL'))!;
    return { id: resource.id, name: resource.name, item: resource.items.find((item) => item.shareType === 'CONDITIONAL')!.code };
  }

  beforeAll(async () => {
    stack = await startTestStack();
    const token = await stack.token(requester);
    for (const [level, jurisdiction] of [['REGION', '150000'], ['CITY', '150100'], ['COUNTY', '150102']] as const) {
      const resource = await conditionalResource(level, token, jurisdiction);
      filed[level] = dataOf(await sharingApi(stack, level).apply(token, { resourceId: resource.id, items: [resource.item] })).id;
    }
    const regionResource = await conditionalResource('REGION', token, '150000');
    upwardId = dataOf(await upwardApi(stack, 'COUNTY').file(token, { resourceId: regionResource.id, items: [regionResource.item] })).id;
  });
  afterAll(() => stack?.stop());

  it('lists each level’s share applications on that level’s platform, with the resource each names', async () => {
    const { data, errors } = await myApplications(stack.gateway.url, await stack.token(requester));
    expect(errors).toEqual([]);
    const byLevel = Object.fromEntries(data!.platforms.map((platform) => [platform.level, platform]));
    expect(Object.keys(byLevel).sort()).toEqual(['CITY', 'COUNTY', 'REGION']);
    for (const level of LEVELS) {
      const applications = byLevel[level].shareApplications!.nodes;
      expect(applications.map((a) => a.id)).toContain(filed[level]);
      expect(applications.every((a) => a.state === 'PENDING' && typeof a.resource?.name === 'string')).toBe(true);
    }
    expect(byLevel.COUNTY.upwardApplications!.nodes.map((a) => a.id)).toEqual([upwardId]);
    expect(describeApplications(data!.platforms).filter((line) => line.startsWith('COUNTY upward'))).toHaveLength(1);
  });

  it('shows another agency none of them', async () => {
    const { data, errors } = await myApplications(stack.gateway.url, await stack.token(demoAgency('150121', Sector.HEALTH)));
    expect(errors).toEqual([]);
    expect(data!.platforms.map((p) => [p.level, p.shareApplications!.totalCount, p.upwardApplications!.totalCount])).toEqual([['REGION', 0, 0], ['CITY', 0, 0], ['COUNTY', 0, 0]]);
  });

  it('gives an authority its own agencies’ applications, not a county agency’s of another county', async () => {
    const { data } = await myApplications(stack.gateway.url, await stack.token(demoAuthority('150121'), 'AUTHORITY_REVIEWER'));
    expect(data!.platforms.flatMap((p) => p.shareApplications!.nodes.map((a) => a.id))).not.toContain(filed.COUNTY);
  });
});

describe('the plan of that operation', () => {
  it('asks the region for the platforms, then every level for its own lists, in parallel', () => {
    const supergraph = Supergraph.build(schemaFile('supergraph.graphql'));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(print(MY_APPLICATIONS))));
    const sequence = plan.node as any;
    expect(sequence.kind).toBe('Sequence');
    const [first, second] = sequence.nodes;
    expect(first).toMatchObject({ kind: 'Fetch', serviceName: 'region' });
    expect(second.kind).toBe('Parallel');
    // Each branch starts with the level's platform, fetched by its key.
    const platformFetches = second.nodes.map((branch: any) => (branch.kind === 'Sequence' ? branch.nodes[0] : branch));
    expect(platformFetches.map((node: any) => [node.kind, node.path.join('.'), node.node.serviceName]).sort()).toEqual([
      ['Flatten', 'platforms.@', 'city'],
      ['Flatten', 'platforms.@', 'county'],
    ]);
  });
});
