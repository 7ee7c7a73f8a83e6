import type { Db } from '../client.js';
import type { Actor } from '../../modules/auth/index.js';
import { importCentroids, type Centroid } from '../../modules/landscape/index.js';

/**
 * APPROXIMATE DEMO VALUES, not data: each four-digit postcode area of the demo region (and a few around it) placed at
 * its town's centre, rounded to 0.01° (about 1 km). A real installation imports the PC4 centroids from CBS/PDOK open
 * data instead (`zorglandschap postcodes import`, docs/availability.md). Leerdam (4141–4145) is left out on purpose:
 * the demo's gezinshuis there and a child from there show "afstand onbekend", as an area without a point does.
 */
const towns: Array<{
  town: string;
  from: number;
  to: number;
  latitude: number;
  longitude: number;
  /** The CBS code of the town's municipality (Vianen lies in Vijfheerenlanden since 2019). */
  municipality: string;
}> = [
  { town: 'Houten', from: 3991, to: 3995, latitude: 52.03, longitude: 5.17, municipality: '0321' },
  { town: 'Nieuwegein', from: 3430, to: 3439, latitude: 52.03, longitude: 5.09, municipality: '0356' },
  { town: 'IJsselstein', from: 3400, to: 3404, latitude: 52.02, longitude: 5.04, municipality: '0353' },
  { town: 'Lopik', from: 3411, to: 3413, latitude: 51.97, longitude: 4.95, municipality: '0331' },
  { town: 'Vianen', from: 4131, to: 4133, latitude: 51.99, longitude: 5.09, municipality: '1961' },
  { town: 'Utrecht (centrum)', from: 3511, to: 3512, latitude: 52.09, longitude: 5.12, municipality: '0344' },
  { town: 'Culemborg', from: 4101, to: 4105, latitude: 51.955, longitude: 5.23, municipality: '0216' },
];

export const demoCentroids: Centroid[] = towns.flatMap((t) =>
  Array.from({ length: t.to - t.from + 1 }, (_, i) => ({
    postcode4: String(t.from + i),
    latitude: t.latitude,
    longitude: t.longitude,
    municipalityCode: t.municipality,
  })),
);

/** Writes the demo's approximate PC4 points; the locations take theirs from them (none has coordinates of its own). */
export async function seedDemoPostcodes(db: Db, actor: Actor): Promise<void> {
  await importCentroids(db, actor, demoCentroids);
}
