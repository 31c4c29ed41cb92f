import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeFromCode } from '../../gateway/compose';
import { loadConfig } from '../../subgraphs/kernel/config';

// Schema discipline: the committed SDLs in schema/ are what the code prints; `npm run compose` regenerates them.
describe('schema/ matches the code', () => {
  it('each subgraph SDL and the supergraph are up to date, and composition has no errors or hints', async () => {
    const composition = await composeFromCode(loadConfig({}));
    const read = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'schema', name), 'utf8');
    for (const subgraph of composition.subgraphs) {
      expect({ file: `${subgraph.name}.graphql`, sdl: read(`${subgraph.name}.graphql`) }).toEqual({ file: `${subgraph.name}.graphql`, sdl: subgraph.sdl.trimEnd() + '\n' });
    }
    expect(read('supergraph.graphql')).toBe(composition.supergraphSdl.trimEnd() + '\n');
    expect(composition.hints).toEqual([]);
  });
});
