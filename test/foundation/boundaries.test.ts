import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';

// Issue 13: modules depend one way and every GraphQL type is a class written once in the source.
const ROOT = path.join(__dirname, '..', '..');
const PRODUCTION = ['subgraphs', 'gateway', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Classes built while the program runs: a class inside a function, or a type's name or metadata written by hand. */
function runtimeClasses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node, insideFunction: boolean) => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && insideFunction) found.push(`${where(node)} class built inside a function`);
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      if (callee === 'Reflect.defineMetadata') found.push(`${where(node)} metadata written by hand`);
      if (callee === 'Object.defineProperty' && node.arguments[1] && /^['"]name['"]$/.test(node.arguments[1].getText(source))) found.push(`${where(node)} a name written by hand`);
    }
    const entersFunction = ts.isFunctionLike(node) && !ts.isClassLike(node);
    node.forEachChild((child) => visit(child, insideFunction || entersFunction));
  };
  visit(source, false);
  return found;
}

describe('module boundaries', () => {
  it('has no import cycle and keeps every dependency rule of .dependency-cruiser.cjs', async () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
    const run = await promisify(execFile)(bin, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...PRODUCTION], { cwd: ROOT }).then(
      (ok) => ({ code: 0, output: ok.stdout + ok.stderr }),
      (failed) => ({ code: failed.code as number, output: `${failed.stdout}${failed.stderr}` }),
    );
    expect(run).toEqual({ code: 0, output: expect.stringContaining('no dependency violations found') });
  });

  it('builds no class at run time: every type is a class written once', () => {
    const files = PRODUCTION.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(runtimeClasses)).toEqual([]);
  });

  it('would notice one', () => {
    const probe = path.join(__dirname, 'fixtures', 'runtime-class.ts.txt');
    expect(runtimeClasses(probe).map((finding) => finding.replace(/^.*:\d+ /, ''))).toEqual(['class built inside a function', 'a name written by hand', 'metadata written by hand']);
  });
});
