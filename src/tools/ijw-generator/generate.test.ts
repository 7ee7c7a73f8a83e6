import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaDir } from '../../server/modules/exchange/index.js';
import { isValidBsn } from './bsn.js';
import { formatDay, monthOf, parseDay } from './dates.js';
import { buildDeclarations, maxVolume } from './declarations.js';
import { demoLandscape, generateIjw, type GenerateIjwOptions, type GenerationManifest } from './generate.js';
import type { ExpectedInvalid } from './invalid.js';
import { createRng } from './prng.js';
import { simulate } from './trajectories.js';

const xsdDir = schemaDir;
const types = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323'] as const;

/** The demo region plus one taakgericht product, so that path is exercised too. */
function options(outDir: string, seed = 20_231): GenerateIjwOptions {
  const landscape = demoLandscape();
  landscape.providers
    .find((p) => p.agbCode === '99000022')
    ?.products.push({
      productCategory: '45',
      productCode: '45T01',
      unit: '04',
      fundingVariant: 'taakgericht',
      withStay: false,
      tariff: 70,
    });
  return { outDir, ...landscape, youths: 300, years: 2, startYear: 2023, seed, invalidRate: 0.02 };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

const text = (xml: string, tag: string): string | undefined => new RegExp(`<(?:\\w+:)?${tag}>([^<]*)<`).exec(xml)?.[1];
const texts = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}>([^<]*)<`, 'g'))].map((m) => m[1] ?? '');
const must = (xml: string, tag: string): string => {
  const v = text(xml, tag);
  if (v === undefined) throw new Error(`no ${tag} in ${xml.slice(0, 300)}`);
  return v;
};

/** Runs xmllint on files against one XSD; returns the set of files it reported as valid. */
function xmllint(type: string, files: string[]): { status: number | null; valid: Set<string>; output: string } {
  const valid = new Set<string>();
  let output = '';
  let status: number | null = 0;
  for (let i = 0; i < files.length; i += 2_000) {
    const r = spawnSync('xmllint', ['--noout', '--schema', join(xsdDir, `${type}.xsd`), ...files.slice(i, i + 2_000)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.error) throw new Error(`xmllint could not run (install Debian libxml2-utils): ${r.error.message}`);
    output += r.stderr;
    if (r.status !== 0) status = r.status;
    for (const line of r.stderr.split('\n'))
      if (line.endsWith(' validates')) valid.add(line.slice(0, -' validates'.length));
  }
  return { status, valid, output };
}

describe('iJw 3.2 test-data generator', () => {
  const dirA = mkdtempSync(join(tmpdir(), 'ijw-gen-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'ijw-gen-b-'));
  let manifest: GenerationManifest;
  let files: string[];
  const xml = new Map<string, string>();

  beforeAll(async () => {
    manifest = await generateIjw(options(dirA));
    files = (await listFiles(dirA)).filter((f) => f.endsWith('.xml') && !f.startsWith('invalid/'));
    for (const f of files) xml.set(f, await readFile(join(dirA, f), 'utf8'));
  });
  afterAll(async () => {
    await rm(dirA, { recursive: true, force: true });
    await rm(dirB, { recursive: true, force: true });
  });

  it('is deterministic: the same seed gives the same manifest and the same bytes', async () => {
    const again = await generateIjw(options(dirB));
    expect(again).toEqual(manifest);
    const [a, b] = [await listFiles(dirA), await listFiles(dirB)];
    expect(b).toEqual(a);
    for (const f of a.filter((_, i) => i % 7 === 0)) {
      expect((await readFile(join(dirB, f))).equals(await readFile(join(dirA, f))), f).toBe(true);
    }
    const other = await generateIjw(options(join(dirB, 'other'), 7));
    expect(other.declarations.totalAmountCents).not.toBe(manifest.declarations.totalAmountCents);
  });

  it('writes the files the manifest counts, in <YYYY>/<YYYY-MM>/<type>_<sender>_<identificatie>.xml by Dagtekening', () => {
    expect(files.length).toBe(manifest.files.total);
    const seen = new Set<string>();
    for (const f of files) {
      const m = /^(\d{4})\/(\d{4}-\d{2})\/(?:part-\d{2}\/)?(JW\d{3})_(\d+)_(\d+)\.xml$/.exec(f);
      expect(m, f).not.toBeNull();
      const body = xml.get(f) ?? '';
      expect(must(body, 'Dagtekening').slice(0, 7)).toBe(m?.[2]);
      expect(must(body, 'Afzender')).toBe(m?.[4]);
      expect(must(body, 'Identificatie')).toBe(m?.[5]);
      expect(seen.has(`${m?.[4]}|${m?.[5]}`), `identificatie unique per sender: ${f}`).toBe(false);
      seen.add(`${m?.[4]}|${m?.[5]}`);
    }
    for (const type of types)
      expect(files.filter((f) => f.includes(`/${type}_`)).length, type).toBe(manifest.files.byType[type]);
    const clients = files
      .filter((f) => f.includes('/JW323_'))
      .reduce((n, f) => n + texts(xml.get(f) ?? '', 'Bsn').length, 0);
    expect(manifest.records.byType.JW323).toBe(clients);
    expect(manifest.records.total).toBe(manifest.files.total - manifest.files.byType.JW323 + clients);
  });

  it('every valid file validates against its XSD (xmllint, one call per message type)', () => {
    for (const type of types) {
      const group = files.filter((f) => f.includes(`/${type}_`)).map((f) => join(dirA, f));
      expect(group.length, `${type} files`).toBeGreaterThan(0);
      const r = xmllint(type, group);
      expect(
        r.output
          .split('\n')
          .filter((l) => l && !l.endsWith(' validates'))
          .slice(0, 5),
        type,
      ).toEqual([]);
      expect(r.status, type).toBe(0);
      expect(r.valid.size, type).toBe(group.length);
    }
  });

  it('writes invalid files with expected.json; xmllint rejects exactly the xml/xsd ones', async () => {
    const expected = JSON.parse(await readFile(join(dirA, 'invalid', 'expected.json'), 'utf8')) as {
      files: ExpectedInvalid[];
    };
    expect(expected.files.length).toBe(manifest.invalid.files);
    expect(expected.files.length).toBeGreaterThanOrEqual(Math.round(0.02 * manifest.files.total));
    expect(new Set(expected.files.map((e) => e.kind)).size).toBe(7);
    for (const type of new Set(expected.files.map((e) => e.messageType))) {
      const group = expected.files.filter((e) => e.messageType === type);
      const r = xmllint(
        type,
        group.map((e) => join(dirA, e.file)),
      );
      for (const e of group) expect(r.valid.has(join(dirA, e.file)), `${e.file} (${e.kind})`).toBe(e.xsdValid);
    }
    // The semantic ones really break their rule.
    for (const e of expected.files.filter((x) => x.kind === 'allocation-end-before-start')) {
      const body = await readFile(join(dirA, e.file), 'utf8');
      expect(must(body, 'Einddatum') < must(body, 'Ingangsdatum')).toBe(true);
    }
  });

  it('has realistic shares', () => {
    const t = manifest.trajectories;
    expect(manifest.youths.distinct).toBe(300);
    expect(t.withoutStay / t.total).toBeGreaterThanOrEqual(0.85);
    const reasons = t.endedByReason;
    const ended = Object.values(reasons).reduce((a, b) => a + b, 0);
    expect(ended).toBe(t.ended);
    expect((reasons['31'] ?? 0) / ended).toBeGreaterThanOrEqual(0.5);
    expect((reasons['31'] ?? 0) / ended).toBeLessThanOrEqual(0.8);
    const early = ['32', '33', '34', '35'].reduce((n, r) => n + (reasons[r] ?? 0), 0) / ended;
    expect(early).toBeGreaterThan(0.1);
    expect(early).toBeLessThan(0.35);
    expect(manifest.youths.withMultipleTrajectories / manifest.youths.distinct).toBeGreaterThan(0.05);
    expect(manifest.youths.withMultipleTrajectories / manifest.youths.distinct).toBeLessThan(0.35);
    expect(t.waitDays.median).toBeGreaterThanOrEqual(14);
    expect(t.waitDays.median).toBeLessThanOrEqual(56);
    expect(t.started).toBe(manifest.files.byType.JW305);
    expect(t.ended).toBe(manifest.files.byType.JW307);
    expect(t.changeRequests).toBe(manifest.files.byType.JW317);
    expect((t.byProductCategory['45'] ?? 0) / t.total).toBeGreaterThan(0.5);
  });

  it('uses BSNs that pass the 11-proef, one per youth', () => {
    expect(isValidBsn('999900006')).toBe(true);
    expect(isValidBsn('999900007')).toBe(false);
    const bsns = new Set<string>();
    for (const body of xml.values()) for (const b of texts(body, 'Bsn')) bsns.add(b);
    for (const b of bsns) expect(isValidBsn(b), b).toBe(true);
    expect(bsns.size).toBe(manifest.youths.distinct);
  });

  it('keeps the messages consistent: starts, stops and declarations refer to allocations', () => {
    const end = manifest.period.end;
    const allocations = new Map<
      string,
      {
        start: string;
        end: string;
        category: string;
        code: string;
        volume: number;
        unit: string;
        frequency: string;
        day: string;
      }
    >();
    const byDay = (f: string): string => must(xml.get(f) ?? '', 'Dagtekening');
    const ordered = [...files].sort((a, b) => byDay(a).localeCompare(byDay(b)));
    for (const f of ordered.filter((x) => x.includes('/JW301_'))) {
      const body = xml.get(f) ?? '';
      // The latest version counts (a change re-sends the same ToewijzingNummer); `day` is when it was first sent.
      const key = `${must(body, 'Afzender')}|${must(body, 'ToewijzingNummer')}`;
      allocations.set(key, {
        start: must(body, 'Ingangsdatum'),
        end: must(body, 'Einddatum'),
        category: must(body, 'Categorie'),
        code: must(body, 'Code'),
        volume: Number(must(body, 'Volume')),
        unit: must(body, 'Eenheid'),
        frequency: must(body, 'Frequentie'),
        day: allocations.get(key)?.day ?? must(body, 'Dagtekening'),
      });
      expect(must(body, 'Ingangsdatum') <= must(body, 'Einddatum'), f).toBe(true);
    }
    const starts = new Set<string>();
    for (const f of ordered.filter((x) => x.includes('/JW305_'))) {
      const body = xml.get(f) ?? '';
      const nr = text(body, 'ToewijzingNummer');
      const begin = must(body, 'Begindatum');
      expect(begin <= must(body, 'Dagtekening') && begin <= end, f).toBe(true);
      if (nr === undefined) {
        expect(must(body, 'Code'), `JW305 without ToewijzingNummer must be taakgericht: ${f}`).toBe('45T01');
        starts.add(`${must(body, 'Ontvanger')}|${must(body, 'Code')}|${begin}`);
        continue;
      }
      const a = allocations.get(`${must(body, 'Ontvanger')}|${nr}`);
      expect(a, `JW305 refers to an existing JW301: ${f}`).toBeDefined();
      expect(
        a &&
          a.day <= must(body, 'Dagtekening') &&
          a.code === must(body, 'Code') &&
          a.start === must(body, 'ToewijzingIngangsdatum'),
        f,
      ).toBe(true);
      expect(a && begin >= a.start && begin <= a.end, f).toBe(true);
      starts.add(`${must(body, 'Ontvanger')}|${nr}|${begin}`);
    }
    for (const f of ordered.filter((x) => x.includes('/JW307_'))) {
      const body = xml.get(f) ?? '';
      const key = text(body, 'ToewijzingNummer') ?? must(body, 'Code');
      expect(
        starts.has(`${must(body, 'Ontvanger')}|${key}|${must(body, 'Begindatum')}`),
        `JW307 matches a JW305: ${f}`,
      ).toBe(true);
      expect(
        must(body, 'Einddatum') >= must(body, 'Begindatum') && must(body, 'Einddatum') <= must(body, 'Dagtekening'),
        f,
      ).toBe(true);
    }

    let total = 0;
    let prestaties = 0;
    const used = new Map<string, number>();
    for (const f of ordered.filter((x) => x.includes('/JW323_'))) {
      const body = xml.get(f) ?? '';
      const gemeente = must(body, 'Ontvanger');
      const day = must(body, 'Dagtekening');
      expect(day <= end, f).toBe(true);
      let sum = 0;
      for (const block of body.split('<jw323:Prestatie>').slice(1)) {
        prestaties++;
        const key = `${gemeente}|${must(block, 'ToewijzingNummer')}`;
        const a = allocations.get(key);
        expect(a, `prestatie refers to an allocation: ${f}`).toBeDefined();
        if (!a) continue;
        const [from, to] = texts(block, 'Begindatum').concat(texts(block, 'Einddatum'));
        const volume = Number(must(block, 'GeleverdVolume'));
        const amount = Number(must(block, 'Bedrag'));
        expect(
          from &&
            to &&
            from <= to &&
            from.slice(0, 7) === to.slice(0, 7) &&
            from >= a.start &&
            to <= a.end &&
            to <= day,
          `${f} ${from}..${to}`,
        ).toBe(true);
        expect(must(block, 'Eenheid')).toBe(a.unit);
        expect(must(block, 'ProductCode')).toBe(a.code);
        expect(amount).toBe(volume * Number(must(block, 'ProductTarief')));
        const cap = maxVolume(
          { volume: a.volume, unit: a.unit, frequency: a.frequency },
          parseDay(from ?? ''),
          parseDay(to ?? ''),
        );
        expect(volume, `${f} volume within the allocation`).toBeLessThanOrEqual(cap);
        used.set(key, (used.get(key) ?? 0) + volume);
        if (a.frequency === '6') expect(used.get(key) ?? 0).toBeLessThanOrEqual(a.volume);
        sum += amount;
      }
      expect(Number(must(body, 'TotaalBedrag')), f).toBe(sum);
      expect(must(body, 'DeclaratieNummer')).toMatch(/^[A-Za-z0-9]{1,12}$/);
      total += sum;
    }
    expect(total).toBe(manifest.declarations.totalAmountCents);
    expect(prestaties).toBe(manifest.declarations.prestaties);
    for (const body of xml.values()) expect(must(body, 'Dagtekening') <= end).toBe(true);
  });

  it('splits only a declaration too big for one file, keeping every prestatie and the total', () => {
    const land = demoLandscape();
    const run = (max?: number) =>
      buildDeclarations(simulate(land, createRng(5), { youths: 200, startYear: 2024, years: 1 }), createRng(6), max);
    const whole = run();
    const split = run(5);
    const sum = (events: typeof whole): number =>
      events.reduce((n, e) => n + (e.type === 'JW323' ? e.declaration.totalCents : 0), 0);
    expect(sum(split)).toBe(sum(whole));
    expect(split.length).toBeGreaterThan(whole.length);
    const numbers = new Set<string>();
    for (const e of split) {
      if (e.type !== 'JW323') continue;
      const count = e.declaration.clients.reduce((n, c) => n + c.prestaties.length, 0);
      expect(count <= 5 || e.declaration.clients.length === 1).toBe(true);
      expect(e.declaration.number).toMatch(/^[A-Za-z0-9]{1,12}$/);
      expect(numbers.has(`${e.sender}|${e.declaration.number}`)).toBe(false);
      numbers.add(`${e.sender}|${e.declaration.number}`);
    }
  });

  it('has a reproducible PRNG and calendar helpers', () => {
    const [a, b] = [createRng(1), createRng(1)];
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(monthOf(parseDay('2024-02-29'))).toBe(2024 * 12 + 1);
  });
});
