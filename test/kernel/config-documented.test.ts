import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LEVELS } from '../../subgraphs/kernel/levels';

// Issue 14: the README's configuration table names exactly the variables the configuration module
// reads — a setting added or dropped in the code without the table fails here.
const ROOT = path.join(__dirname, '..', '..');

/** Every environment variable kernel/config.ts reads, per-level patterns expanded. */
function variablesRead(): string[] {
  const source = readFileSync(path.join(ROOT, 'subgraphs', 'kernel', 'config.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of source.matchAll(/\b(?:int|bool|secret)\('([A-Z][A-Z0-9_]+)'|\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(match[1] ?? match[2]);
  for (const match of source.matchAll(/`\$\{level\}_([A-Z][A-Z0-9_]+)`/g)) for (const level of LEVELS) names.add(`${level}_${match[1]}`);
  return [...names].sort();
}

/** The variables the README's configuration table documents (first column, in backticks). */
function variablesDocumented(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return [...new Set(rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])))].sort();
}

describe('the configuration table in the README', () => {
  it('documents every variable the configuration reads, and no other', () => {
    const read = variablesRead();
    expect(read.length).toBeGreaterThan(30);
    expect(variablesDocumented()).toEqual(read);
  });
});
