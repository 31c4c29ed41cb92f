import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { MeasuredScenario, ratio } from '../report';
import { BenchContext, postGraphQL, Scenario } from '../scenario';
import { CATALOG_PAGE, graphqlBody, REGION_PERSONS } from './operations';
import { grantWhatIsDenied, READER } from './records';

/** Large pages to try, largest first: an API may cap its pages lower than the figure. */
const CATALOG_PAGES = [200, 100];
const RECORD_PAGES = [1000, 500];

interface PagedOperation {
  title: string;
  body: (first: number) => string;
  authorization: string;
  /** Counts rows in a response; 0 when it failed. */
  rows: (answer: any) => number;
}

/**
 * P3: SQL statements per operation do not grow with the rows. Each operation is asked for one row and
 * for a large page; every subgraph's statements are counted for each (after one unmeasured run, so
 * that one-time work at a level does not count).
 */
export const statementsPerRecordQuery: Scenario = {
  ids: ['P3'],
  async run(context: BenchContext) {
    const records: PagedOperation = {
      title: "record query, the region platform's persons, 4 enforced fields",
      body: (first) => graphqlBody(REGION_PERSONS, { first }),
      authorization: `Bearer ${await context.stack.token(READER)}`,
      rows: (answer) => (answer?.errors ? 0 : (answer?.data?.platform?.persons?.edges?.length ?? 0)),
    };
    const largest = await largestPage(context, records, RECORD_PAGES);
    await grantWhatIsDenied(context, records.body(largest), records.authorization);
    return [await statementGrowth(context, records, [largest])];
  },
};

/** The catalog's part of P3. Runs last of all scenarios: it adds rows to the catalog. */
export const statementsPerCatalogPage: Scenario = {
  ids: ['P3'],
  async run(context: BenchContext) {
    await context.stack.padCatalog('CITY', CATALOG_PAGES[0]);
    const catalog: PagedOperation = {
      title: 'catalog page of city resources with items, jurisdiction, provider',
      body: (first) => graphqlBody(CATALOG_PAGE, { filter: { level: 'CITY' }, first }),
      authorization: `Bearer ${context.token}`,
      rows: (answer) => (answer?.errors ? 0 : (answer?.data?.catalog?.edges?.length ?? 0)),
    };
    return [await statementGrowth(context, catalog, CATALOG_PAGES)];
  },
};

async function statementGrowth(context: BenchContext, operation: PagedOperation, pageSizes: number[]): Promise<MeasuredScenario> {
  const one = await statementsFor(context, operation, 1);
  const size = await largestPage(context, operation, pageSizes);
  const many = await statementsFor(context, operation, size);
  if (one.rows !== 1 || many.rows !== size) throw new Error(`P3 ${operation.title}: pages came back with ${one.rows} and ${many.rows} rows`);
  const growth = ratio(many.total, one.total);
  return {
    id: 'P3',
    title: `SQL statements per operation, ${size} rows vs 1: ${operation.title}`,
    ratio: growth,
    ratioLabel: 'statements',
    absolute: `1 row: ${describe(one.perLevel)}; ${size} rows: ${describe(many.perLevel)}`,
    criteria: [{ label: 'ratio', actual: growth, comparison: '=', target: 1, targetText: '1.00x (equal)' }],
  };
}

/** The first page size the operation answers in full (the API refuses sizes above its cap, or has fewer rows). */
async function largestPage(context: BenchContext, operation: PagedOperation, sizes: number[]): Promise<number> {
  for (const size of sizes) {
    const answer = await postGraphQL(context.ours.url, operation.body(size), { authorization: operation.authorization });
    if (answer?.errors?.some((e: any) => e.extensions?.code === 'BAD_USER_INPUT')) continue;
    return size;
  }
  throw new Error(`P3 ${operation.title}: none of the page sizes ${sizes.join(', ')} is accepted`);
}

async function statementsFor(context: BenchContext, operation: PagedOperation, first: number) {
  const send = () => postGraphQL(context.ours.url, operation.body(first), { authorization: operation.authorization });
  await send();
  await context.stack.resetStatements();
  const rows = operation.rows(await send());
  const perLevel = await context.stack.statements();
  return { rows, perLevel, total: LEVELS.reduce((sum, level) => sum + perLevel[level], 0) };
}

const describe = (perLevel: Record<Level, number>) => LEVELS.map((level) => `${level.toLowerCase()} ${perLevel[level]}`).join(', ');
