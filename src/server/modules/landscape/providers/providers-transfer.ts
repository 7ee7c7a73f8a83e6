import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { providerDomains } from '../../../../shared/domain.js';
import type { Actor } from '../../auth/index.js';
import type { ImportResult } from '../bulk/import-result.js';
import { checkHeader, ImportProblems, parseYesNo, readWorkbook, workbookOf } from '../bulk/sheet.js';
import { ZProviderCreate, type Provider, type ProviderCreate } from './providers.schema.js';
import { createProvider, listProviders, updateProvider } from './providers.service.js';

const providerHeaders = ['AGB-code', 'KvK-nummer', 'Naam', 'Domeinen', 'Specialisaties', 'Website', 'Actief'];
const locationHeaders = ['AGB-code', 'Naam', 'Postcode', 'Plaats'];
const providerColumn = { agbCode: 0, kvkNumber: 1, name: 2, domains: 3, specialisations: 4, website: 5, active: 6 };
const locationColumn = { name: 1, postcode: 2, city: 3 };
const sheets = ['Aanbieders', 'Locaties'];

/** The providers with their locations in two sheets, as the import reads them; `empty` gives the template. */
export async function providersWorkbook(db: Db, actor: Actor, empty: boolean): Promise<Buffer> {
  const providers = empty ? [] : (await listProviders(db, actor, { page: 1, pageSize: 100_000 })).items;
  return workbookOf([
    {
      sheet: sheets[0]!,
      rows: [
        providerHeaders,
        ...providers.map((p) => [
          p.agbCode,
          p.kvkNumber,
          p.name,
          p.domains.join(', '),
          p.specialisations.join(', '),
          p.website,
          p.active ? 'ja' : 'nee',
        ]),
      ],
      notes: [
        'Eén rij per aanbieder; de AGB-code is de sleutel: een bekende wijzigt die aanbieder, een nieuwe voegt er een toe.',
        `Domeinen: ${providerDomains.join(', ')}, gescheiden door komma's. Actief: ja of nee. Website begint met https://.`,
      ],
    },
    {
      sheet: sheets[1]!,
      rows: [
        locationHeaders,
        ...providers.flatMap((p) => p.locations.map((l) => [p.agbCode, l.name, l.postcode, l.city])),
      ],
      notes: [
        'Eén rij per locatie. Staan er rijen voor een aanbieder, dan zijn dat zijn locaties; zonder rijen blijven ze zoals ze zijn.',
      ],
    },
  ]);
}

const split = (text: string) =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads providers with their locations: a wrong header, a duplicate AGB code, an unknown domain, a location of a
 * provider that is not on the first sheet, a wrong postcode … each named by sheet, row and column; nothing is stored
 * then. Applying creates or updates every provider through the providers' own functions, in one transaction.
 */
export async function importProviders(
  db: Db,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  apply: boolean,
): Promise<ImportResult> {
  const [main, places] = await readWorkbook(file, sheets);
  const problems = new ImportProblems();
  const locationProblems = new ImportProblems('Locaties!');
  checkHeader(main!, providerHeaders, problems);
  if (places!.header.length) checkHeader(places!, locationHeaders, locationProblems);
  problems.list.push(...locationProblems.list);
  problems.throwIfAny();
  const existing = new Map(
    (await listProviders(db, actor, { page: 1, pageSize: 100_000 })).items.map((p) => [p.agbCode, p]),
  );
  const rowOf = new Map<string, number>();
  for (const { row, cells } of main!.rows) {
    const agb = cells[0] ?? '';
    if (agb && rowOf.has(agb))
      problems.cell(0, 'AGB-code', row, `AGB-code ${agb} staat er twee keer in (ook rij ${rowOf.get(agb)})`);
    else if (agb) rowOf.set(agb, row);
  }
  const locationsOf = new Map<string, Array<{ row: number; name: string; postcode: string; city: string }>>();
  for (const { row, cells } of places!.rows) {
    const [agb = '', name = '', postcode = '', city = ''] = cells;
    if (!rowOf.has(agb))
      locationProblems.cell(0, 'AGB-code', row, `aanbieder ${agb} staat niet op het blad Aanbieders`);
    locationsOf.set(agb, [...(locationsOf.get(agb) ?? []), { row, name, postcode, city }]);
  }
  const planned: Array<{ row: number; input: ProviderCreate; before: Provider | undefined; changes: string[] }> = [];
  for (const { row, cells } of main!.rows) {
    const at = (k: keyof typeof providerColumn) => cells[providerColumn[k]] ?? '';
    const wrong = (k: keyof typeof providerColumn, reason: string) =>
      problems.cell(providerColumn[k], providerHeaders[providerColumn[k]]!, row, reason);
    const before = existing.get(at('agbCode'));
    const active = parseYesNo(at('active') || 'ja');
    if (active === null) wrong('active', `"${at('active')}" is geen ja of nee`);
    // A duplicate row (already refused) does not check the locations a second time.
    const rows = rowOf.get(at('agbCode')) === row ? locationsOf.get(at('agbCode')) : undefined;
    const candidate = {
      agbCode: at('agbCode'),
      kvkNumber: at('kvkNumber') || null,
      name: at('name'),
      domains: split(at('domains')).map((d) => d.toUpperCase()),
      specialisations: split(at('specialisations')),
      website: at('website') || null,
      active: active ?? true,
      locations: (rows ?? []).map((l) => {
        const same = before?.locations.find(
          (b) => b.name === l.name && b.postcode.replace(' ', '') === l.postcode.replace(/\s/g, '').toUpperCase(),
        );
        return {
          ...(same ? { id: same.id, latitude: same.latitude, longitude: same.longitude } : {}),
          name: l.name,
          postcode: l.postcode,
          city: l.city || null,
        };
      }),
      tierLevelIds: [],
    };
    const parsed = ZProviderCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [key, index, field] = issue.path;
        if (key === 'locations' && typeof index === 'number' && rows?.[index]) {
          const column = locationColumn[field as keyof typeof locationColumn] ?? 1;
          locationProblems.cell(column, locationHeaders[column]!, rows[index].row, issue.message);
        } else if (typeof key === 'string' && key in providerColumn)
          wrong(key as keyof typeof providerColumn, issue.message);
        else problems.row(row, issue.message);
      }
      continue;
    }
    const input = parsed.data;
    const changes = before ? changesOf(before, input, rows !== undefined) : [];
    planned.push({ row, input, before, changes });
  }
  problems.list.push(...locationProblems.list.filter((p) => !problems.list.includes(p)));
  if (main!.rows.length === 0) problems.row(2, 'het blad Aanbieders heeft geen rijen', 'empty');
  problems.throwIfAny();
  const result: ImportResult = {
    applied: false,
    rows: planned.map((p) => ({
      row: p.row,
      key: p.input.agbCode,
      name: p.input.name,
      action: !p.before ? 'create' : p.changes.length ? 'update' : 'unchanged',
      changes: p.changes,
    })),
  };
  if (!apply) return result;
  await db.transaction(async (tx) => {
    for (const p of planned) {
      try {
        if (!p.before) await createProvider(tx, actor, p.input);
        else if (p.changes.length) {
          const { tierLevelIds: _tiers, locations, ...rest } = p.input;
          await updateProvider(tx, actor, p.before.id, {
            ...rest,
            ...(locationsOf.has(p.input.agbCode) ? { locations } : {}),
          });
        }
      } catch (error) {
        if (error instanceof AppError) error.message = `rij ${p.row}: ${error.message}`;
        throw error;
      }
    }
  });
  return { ...result, applied: true };
}

function changesOf(before: Provider, after: ProviderCreate, withLocations: boolean): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(before.kvkNumber, after.kvkNumber)) changed.push('KvK-nummer');
  if (before.name !== after.name) changed.push('Naam');
  if (!same([...before.domains].sort(), [...after.domains].sort())) changed.push('Domeinen');
  if (!same(before.specialisations, after.specialisations)) changed.push('Specialisaties');
  if (!same(before.website, after.website)) changed.push('Website');
  if (before.active !== after.active) changed.push('Actief');
  const place = (l: { name: string; postcode: string; city?: string | null | undefined }) =>
    `${l.name}|${l.postcode.replace(/\s/g, '')}|${l.city ?? ''}`;
  if (withLocations && !same(before.locations.map(place).sort(), after.locations.map(place).sort()))
    changed.push('Locaties');
  return changed;
}
