import { inArray, sql, type SQL } from 'drizzle-orm';
import { dutchBounds } from '../../../../shared/geo.js';
import { queryRows, type Db } from '../../../db/client.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { postcodeCentroids } from '../../../db/schema/index.js';
import { AppError, ErrorCode, type InvalidParam } from '../../../http/errors.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';

export interface Centroid {
  postcode4: string;
  latitude: number;
  longitude: number;
  /** The CBS code of the municipality the area lies in, when the file gave it. */
  municipalityCode?: string | null;
}

/** The header names a file may use for each column (case-insensitive): ours, and those common in open data. */
const columnNames = {
  postcode4: ['postcode4', 'postcode', 'pc4'],
  latitude: ['latitude', 'lat', 'breedtegraad'],
  longitude: ['longitude', 'lon', 'lng', 'lengtegraad'],
} as const;

/** The optional column with the area's municipality: a CBS code of four digits, with or without CBS's "GM". */
const municipalityColumn = ['gemeentecode', 'gemeente_code', 'gm_code', 'gwb_code', 'municipality_code'];

/** At most this many rows' errors are reported; the file is refused as soon as one row is wrong. */
const maxReported = 20;

/**
 * Reads a CSV of PC4 centroids: a header naming the columns postcode4, latitude and longitude (in any order, other
 * columns ignored; separator `,`, `;` or tab; decimal comma allowed when the separator is not a comma), and optionally
 * gemeentecode, then one row per four-digit postcode. Every row is checked: four digits 1000–9999, WGS84 coordinates
 * inside the Netherlands, a municipality code of four digits (GM0344 or 0344) where the column is there, each postcode
 * once. One bad row refuses the whole file, with the line number and reason of each (up to 20).
 */
export function parseCentroidsCsv(text: string): Centroid[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const separator = [';', '\t', ','].find((s) => headerLine.includes(s)) ?? ',';
  const cells = (line: string) =>
    line.split(separator).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
  const header = cells(headerLine).map((h) => h.toLowerCase());
  const index = Object.fromEntries(
    Object.entries(columnNames).map(([key, names]) => [
      key,
      header.findIndex((h) => (names as readonly string[]).includes(h)),
    ]),
  ) as Record<keyof typeof columnNames, number>;
  const municipalityIndex = header.findIndex((h) => municipalityColumn.includes(h));
  const missing = Object.entries(index).filter(([, i]) => i < 0);
  if (missing.length)
    throw new AppError(
      ErrorCode.Validation,
      `De eerste regel noemt de kolommen postcode4, latitude en longitude; ${missing.map(([k]) => k).join(', ')} ontbreekt.`,
      missing.map(([k]) => ({ name: 'header', code: 'missing-column', reason: `kolom ${k} ontbreekt` })),
    );
  const number = (raw: string) => Number(separator === ',' ? raw : raw.replace(',', '.'));
  const errors: InvalidParam[] = [];
  const seen = new Map<string, number>();
  const rows: Centroid[] = [];
  let bad = 0;
  const refuse = (line: number, reason: string) => {
    bad += 1;
    if (errors.length < maxReported) errors.push({ name: `regel ${line}`, code: 'invalid', reason });
  };
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const lineNo = i + 1;
    const c = cells(line);
    const postcode4 = c[index.postcode4] ?? '';
    const latitude = number(c[index.latitude] ?? '');
    const longitude = number(c[index.longitude] ?? '');
    if (!/^[1-9][0-9]{3}$/.test(postcode4))
      return refuse(lineNo, `${postcode4 || '(leeg)'} is geen postcode van vier cijfers (1000–9999)`);
    const [latMin, latMax] = dutchBounds.latitude;
    const [lonMin, lonMax] = dutchBounds.longitude;
    if (!Number.isFinite(latitude) || latitude < latMin || latitude > latMax || (c[index.latitude] ?? '') === '')
      return refuse(
        lineNo,
        `latitude van ${postcode4} moet een breedtegraad in Nederland zijn (${latMin} tot ${latMax})`,
      );
    if (!Number.isFinite(longitude) || longitude < lonMin || longitude > lonMax || (c[index.longitude] ?? '') === '')
      return refuse(
        lineNo,
        `longitude van ${postcode4} moet een lengtegraad in Nederland zijn (${lonMin} tot ${lonMax})`,
      );
    const municipality = municipalityIndex < 0 ? '' : (c[municipalityIndex] ?? '');
    const municipalityCode = /^(GM)?[0-9]{4}$/i.test(municipality) ? municipality.slice(-4) : null;
    if (municipality !== '' && !municipalityCode)
      return refuse(lineNo, `gemeentecode van ${postcode4} moet een CBS-code van vier cijfers zijn (0344 of GM0344)`);
    const earlier = seen.get(postcode4);
    if (earlier) return refuse(lineNo, `${postcode4} staat ook al op regel ${earlier}`);
    seen.set(postcode4, lineNo);
    rows.push({ postcode4, latitude, longitude, ...(municipalityIndex < 0 ? {} : { municipalityCode }) });
  });
  if (bad > 0) {
    const summary = `${bad} ${bad === 1 ? 'regel is' : 'regels zijn'} niet goed; er is niets ingelezen`;
    throw new AppError(ErrorCode.Validation, `${summary}.`, [
      { name: 'body', code: 'rows-refused', reason: summary },
      ...errors,
    ]);
  }
  if (rows.length === 0)
    throw new AppError(ErrorCode.Validation, 'Het bestand heeft geen regels onder de kop; er is niets ingelezen.', [
      { name: 'body', code: 'empty', reason: 'geen regels' },
    ]);
  return rows;
}

/**
 * Writes the centroids, all or nothing: a postcode already known gets the file's point, the others stay; its
 * municipality stays as it was when the file has no such column. The search index and everything else that reads
 * places follow at once (the landscape's data version).
 */
export async function importCentroids(
  db: Db,
  actor: Actor | null,
  rows: Centroid[],
): Promise<{ imported: number; total: number }> {
  const withMunicipality = rows.some((r) => r.municipalityCode !== undefined);
  return db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insert(postcodeCentroids)
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, municipalityCode: r.municipalityCode ?? null })))
        .onConflictDoUpdate({
          target: postcodeCentroids.postcode4,
          set: {
            latitude: sql`excluded.latitude`,
            longitude: sql`excluded.longitude`,
            ...(withMunicipality ? { municipalityCode: sql`excluded.municipality_code` } : {}),
            importedAt: sql`now()`,
          },
        });
    await bumpDataVersion(tx, 'landscape');
    const [total] = await tx.select({ n: sql<number>`count(*)::int` }).from(postcodeCentroids);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'postcode-centroids',
      entityId: 'pc4',
      regionId: null,
      after: { imported: rows.length },
    });
    return { imported: rows.length, total: Number(total?.n ?? 0) };
  });
}

/**
 * The AGB codes of the providers placed outside the given municipalities: at least one of their locations lies in a
 * postcode area whose municipality is known, and none in one of these. A provider none of whose locations can be
 * placed is not among them. Null when no postcode area's municipality is known at all (nothing can be placed).
 */
export async function providersLocatedOutside(db: Db, municipalities: string[]): Promise<string[] | null> {
  const rows = await queryRows<{ agb: string | null }>(
    db,
    sql`
    select p.agb_code as agb
    from providers p
    join provider_locations l on l.provider_id = p.id
    join postcode_centroids c on c.postcode4 = left(l.postcode, 4) and c.municipality_code is not null
    group by p.agb_code
    having not bool_or(c.municipality_code = any(${sql.param(municipalities)}::text[]))
    union all
    select null where not exists (select 1 from postcode_centroids where municipality_code is not null)`,
  );
  return rows.some((r) => r.agb === null) ? null : rows.map((r) => r.agb!);
}

/** The points of the given four-digit postcodes that are known. */
export async function centroidsOf(db: Db, postcodes: string[]): Promise<Map<string, Centroid>> {
  if (postcodes.length === 0) return new Map();
  const rows = await db.select().from(postcodeCentroids).where(inArray(postcodeCentroids.postcode4, postcodes));
  return new Map(rows.map((r) => [r.postcode4, r]));
}

/**
 * Each provider location's point: its own coordinates, else its postcode area's centroid, else none (null). A
 * subquery with columns location_id, latitude, longitude, for other modules to join.
 */
export const locationPoints = (): SQL => sql`
  select l.id as location_id, coalesce(l.latitude, c.latitude) as latitude,
    case when l.latitude is not null then l.longitude else c.longitude end as longitude
  from provider_locations l
  left join postcode_centroids c on c.postcode4 = left(l.postcode, 4)`;
