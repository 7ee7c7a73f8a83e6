import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext } from './testing/harness.js';

const root = join(import.meta.dirname, '..', '..');
const ruleset = join(root, 'docs', 'api', 'adr-ruleset.yaml');
const cliPackage = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/package.json');
const cli = join(
  dirname(cliPackage),
  (JSON.parse(readFileSync(cliPackage, 'utf8')) as { bin: { spectral: string } }).bin.spectral,
);

interface Finding {
  code: string;
  message: string;
  path: string[];
  severity: number;
  source: string;
}

/**
 * Runs Logius's Spectral ruleset through the CLI, as a developer or CI would, on each document in one process (a
 * Spectral start costs seconds), and returns each document's errors as readable lines.
 */
function lintErrors(documents: Record<string, unknown>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zl-adr-'));
  try {
    const files = Object.keys(documents).map((name) => join(dir, `${name}.json`));
    Object.values(documents).forEach((document, i) => writeFileSync(files[i]!, JSON.stringify(document)));
    const run = spawnSync(process.execPath, [cli, 'lint', '-r', ruleset, '-f', 'json', '-F', 'error', '-q', ...files], {
      encoding: 'utf8',
    });
    if (!run.stdout.trim().startsWith('[')) throw new Error(`spectral did not answer: ${run.stderr}${run.stdout}`);
    const findings = JSON.parse(run.stdout) as Finding[];
    return Object.fromEntries(
      Object.keys(documents).map((name, i) => [
        name,
        findings
          .filter((f) => f.source === files[i] && f.severity === 0)
          .map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let errors: Record<string, string[]>;
beforeAll(async () => {
  const ctx = await createTestContext();
  try {
    const published = (await call(ctx, null, 'GET', '/openapi.json')).body;
    const withoutHeader = structuredClone(published);
    delete withoutHeader.paths['/health'].get.responses['200'].headers;
    errors = lintErrors({ published, withoutHeader });
  } finally {
    await ctx.close();
  }
});

describe('the OpenAPI document against the NL API Design Rules (Logius Spectral ruleset)', () => {
  it('passes every rule of severity error', () => {
    expect(errors.published).toEqual([]);
  });

  it('is really checked: a copy with one response that does not declare API-Version fails on that response', () => {
    expect(errors.withoutHeader).toEqual([
      expect.stringMatching(/^nlgov:missing-header at paths\.\/health\.get\.responses\.200:/),
    ]);
  });
});
