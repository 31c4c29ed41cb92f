import { encodeCursor } from '../../../subgraphs/kernel/graphql/page-info';
import { listPage, withNodes } from '../../../subgraphs/kernel/graphql/connection';

/**
 * A page writes a row's cursor only when a client selects it (a record page seals one per row), and
 * the same cursor whenever it is asked again, through any copy of the page.
 */
describe('cursors of a page', () => {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((code) => ({ code }));
  const limits = { defaultSize: 4, maxSize: 10 };

  function countedPage(args = {}) {
    const written: string[] = [];
    const order = [{ direction: 'ASC' as const, value: (row: { code: string }) => (written.push(row.code), row.code) }];
    return { page: listPage(rows, order, args, limits), written };
  }

  it('writes none for a page read by its nodes', () => {
    const { page, written } = countedPage();
    expect(page.nodes.map((row) => row.code)).toEqual(['a', 'b', 'c', 'd']);
    expect(page.edges.map((edge) => edge.node.code)).toEqual(['a', 'b', 'c', 'd']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(written).toEqual([]);
  });

  it('writes the end cursor alone when only it is selected, and each cursor once', () => {
    const { page, written } = countedPage();
    expect(page.pageInfo.endCursor).toBe(encodeCursor(['d']));
    expect(written).toEqual(['d']);
    expect(page.edges[3].cursor).toBe(encodeCursor(['d']));
    expect(page.edges[0].cursor).toBe(encodeCursor(['a']));
    expect(page.pageInfo.startCursor).toBe(encodeCursor(['a']));
    expect(written).toEqual(['d', 'a']);
  });

  it('gives the cursors of the rows it was made from to a page over other nodes', () => {
    const { page, written } = countedPage();
    const labelled = withNodes(page, page.nodes.map((row) => `row ${row.code}`));
    expect(written).toEqual([]);
    expect(labelled.edges.map((edge) => [edge.node, edge.cursor])).toEqual(['a', 'b', 'c', 'd'].map((code) => [`row ${code}`, encodeCursor([code])]));
    expect(labelled.pageInfo.endCursor).toBe(encodeCursor(['d']));
    expect(labelled.totalCount).toBe(6);
  });

  it('pages on from a cursor it wrote, and an empty page has no cursors', () => {
    const { page } = countedPage();
    expect(listPage(rows, [{ direction: 'ASC', value: (row) => row.code }], { after: page.pageInfo.endCursor }, limits).nodes.map((row) => row.code)).toEqual(['e', 'f']);
    const empty = listPage([], [{ direction: 'ASC', value: (row: { code: string }) => row.code }], {}, limits);
    expect([empty.pageInfo.startCursor, empty.pageInfo.endCursor, empty.edges]).toEqual([null, null, []]);
  });
});
