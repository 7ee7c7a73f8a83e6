/**
 * Distances between places in the Netherlands, for the availability search: great-circle distance (haversine) on
 * WGS84 latitude/longitude. The error against the ellipsoid is well under 1% — far less than the rounding to whole
 * kilometres a referrer sees.
 */

const earthRadiusKm = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A Dutch postcode, '1234 AB', '1234AB' or '1234', as its four digits (PC4); null when it is none. */
export function postcode4(postcode: string): string | null {
  const m = /^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$/.exec(postcode);
  return m ? m[1]! : null;
}

/** The Netherlands' extent, generously (the Caribbean parts have no PC4): a coordinate outside it is a mistake. */
export const dutchBounds = { latitude: [50.6, 53.7], longitude: [3.2, 7.3] } as const;
