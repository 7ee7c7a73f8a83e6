import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDeclarations } from './declarations.js';
import { buildInvalidFiles, type ExpectedInvalid } from './invalid.js';
import { validateOptions, type GenerateIjwOptions } from './landscape.js';
import { buildManifest, type GenerationManifest } from './manifest.js';
import { renderMessage } from './messages';
import { monthOf } from './dates.js';
import { createRng, deriveSeed } from './prng.js';
import { sequence } from './sequence.js';
import { simulate } from './trajectories.js';
import { writeFiles } from './writer.js';

export type { GenerateIjwOptions } from './landscape.js';
export type { GenerationManifest } from './manifest.js';
export { demoLandscape } from './landscape.js';

/**
 * Generates a realistic, deterministic set of iJw 3.2 messages for a region: the care flow of `youths` distinct youths
 * over `years` calendar years from `startYear` (JW315, JW319, JW301, JW305, JW317, JW307, and monthly JW323
 * declarations), written to `outDir/<YYYY>/<YYYY-MM>/<type>_<sender>_<identificatie>.xml`. With `invalidRate` > 0 it
 * adds invalid files under `outDir/invalid/` with `invalid/expected.json`. Writes and returns `manifest.json`, the
 * ground truth an import is checked against. The same options give the same bytes.
 */
export async function generateIjw(options: GenerateIjwOptions): Promise<GenerationManifest> {
  validateOptions(options);
  const landscape = {
    municipalities: options.municipalities,
    providers: options.providers.filter((p) => p.products.length > 0),
  };
  // Independent streams: the invalid files (and their share) never change the valid data set.
  const sim = simulate(landscape, createRng(deriveSeed(options.seed, 'care')), options);
  const declarations = buildDeclarations(sim, createRng(deriveSeed(options.seed, 'declarations')));
  const { events, counters } = sequence([...sim.events, ...declarations]);

  let invalid: { jobs: Array<{ path: string; render(): string }>; expected: ExpectedInvalid[] } = {
    jobs: [],
    expected: [],
  };
  const rate = options.invalidRate ?? 0;
  if (rate > 0) {
    const declared = new Set<string>();
    for (const e of declarations) {
      for (const c of e.type === 'JW323' ? e.declaration.clients : [])
        for (const p of c.prestaties) declared.add(`${p.trajectory.id}|${monthOf(p.from)}`);
    }
    const count = Math.max(7, Math.round(rate * events.length));
    invalid = buildInvalidFiles(
      {
        valid: events,
        period: sim.period,
        counters,
        rng: createRng(deriveSeed(options.seed, 'invalid')),
        declared,
        declarationCount: 0,
      },
      count,
    );
  }

  await mkdir(options.outDir, { recursive: true });
  const bytes = await writeFiles(
    options.outDir,
    events.map((e) => ({ path: e.path, render: () => renderMessage(e) })),
  );
  if (invalid.jobs.length > 0) {
    await writeFiles(options.outDir, invalid.jobs);
    const expected = {
      description:
        'Invalid iJw 3.2 files and why each must be rejected. level: xml = not well-formed, xsd = fails its message XSD, ' +
        'semantic = schema-valid but breaks a rule across messages (requiresValidSet: import the valid set first).',
      files: invalid.expected,
    };
    await writeFile(join(options.outDir, 'invalid', 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  }
  const manifest = buildManifest(options, sim, events, bytes, invalid.expected);
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
