import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone with nothing beside it must run and test itself: no code under these folders may reach a path
 * outside the repository (the iJw examples once came from the reference folder beside the clone, and 63 tests failed without it).
 */
const repo = resolve(import.meta.dirname, '..');
const folders = ['src', 'e2e', 'bench', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs|sh)$/.test(e.name) ? [path] : [];
  });
}

/** The reference folder that lies beside a developer's clone, never beside a user's (named once, built into the cases). */
const sibling = ['sha', 'red'].join('');
const outside = (path: string) => relative(repo, path).startsWith('..');

/** Each place in a source file that names a path leaving the repository, as 'file:line'. */
function pathsOutOfRepository(file: string, text: string): string[] {
  const found = new Set<string>();
  const add = (index: number) => found.add(`${relative(repo, file)}:${text.slice(0, index).split('\n').length}`);
  // join(import.meta.dirname, '..', '..', <sibling>) and the like, over several lines too: the literal steps from the
  // file's own folder.
  for (const m of text.matchAll(
    /(?:join|resolve)\(\s*(?:import\.meta\.dirname|__dirname|dirname\(fileURLToPath\(import\.meta\.url\)\))\s*,\s*((?:'[^'\n]*'\s*,?\s*)+)/g,
  )) {
    const steps = [...m[1]!.matchAll(/'([^']*)'/g)].map((s) => s[1]!);
    if (outside(join(dirname(file), ...steps))) add(m.index);
  }
  // '..' and the sibling folder as path steps, wherever the path is built from.
  for (const m of text.matchAll(new RegExp(`'\\.\\.'\\s*,\\s*'${sibling}'`, 'g'))) add(m.index);
  // A relative path literal that leaves the repository from this file ('../../../../../<sibling>/ijw/...').
  for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`$\n]*)['"`]/g))
    if (outside(join(dirname(file), m[1]!))) add(m.index);
  return [...found];
}

describe('the repository tests itself', () => {
  it('has no code in src/, e2e/, bench/ or scripts/ that reads a path outside the repository', () => {
    const files = folders.flatMap((f) => sourceFiles(join(repo, f))).filter((f) => f !== import.meta.filename);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => pathsOutOfRepository(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('recognises the ways a path out to the folder beside the clone was written', () => {
    const file = join(repo, 'src', 'server', 'modules', 'exchange', 'example.ts');
    const cases = [
      `const d = join(import.meta.dirname, '..', '..', '..', '..', '..', '${sibling}', 'ijw');`,
      "const d = join(\n  import.meta.dirname,\n  '..',\n  '..',\n  '..',\n  '..',\n  '..',\n  'voorbeelden',\n);",
      `const d = join(repoRoot, '..', '${sibling}', 'ijw', '3.2', 'xsd');`,
      `readFileSync('../../../../../${sibling}/ijw/3.2/voorbeelden/JW301.xml');`,
    ];
    for (const line of cases) expect(pathsOutOfRepository(file, line), line).toHaveLength(1);
    const inside = [
      `import { can } from '../../../${sibling}/permissions.js';`,
      "const dir = join(import.meta.dirname, 'testing', 'fixtures');",
    ];
    for (const line of inside) expect(pathsOutOfRepository(file, line), line).toEqual([]);
  });
});
