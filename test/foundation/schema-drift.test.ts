import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeFromCode } from '../../gateway/compose';
import { loadConfig } from '../../subgraphs/kernel/config';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../../codegen';

// Schema discipline: the committed SDLs in schema/ are what the code prints; `npm run compose` regenerates them.
describe('schema/ matches the code', () => {
  it('each subgraph SDL, the supergraph and the public API schema are up to date, and composition has no errors or hints', async () => {
    const composition = await composeFromCode(loadConfig({}));
    const read = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'schema', name), 'utf8');
    for (const subgraph of composition.subgraphs) {
      expect({ file: `${subgraph.name}.graphql`, sdl: read(`${subgraph.name}.graphql`) }).toEqual({ file: `${subgraph.name}.graphql`, sdl: subgraph.sdl.trimEnd() + '\n' });
    }
    expect(read('supergraph.graphql')).toBe(composition.supergraphSdl.trimEnd() + '\n');
    expect(read('public.graphql')).toBe(composition.publicSdl.trimEnd() + '\n');
    expect(composition.hints).toEqual([]);
  });
});

describe('the example client matches the API schema', () => {
  it('has the typed documents `npm run compose` generates from schema/public.graphql (graphql-codegen)', async () => {
    const root = path.join(__dirname, '..', '..');
    const files: { filename: string; content: string }[] = await generate({ ...codegenConfig, cwd: root }, false);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect({ file: file.filename, content: readFileSync(path.join(root, file.filename), 'utf8') }).toEqual({ file: file.filename, content: file.content });
    }
  });
});
