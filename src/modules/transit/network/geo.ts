// Distances on the network: great-circle (haversine) between stops where the feed gives no shape_dist_traveled, the
// bounding box a stop in Việt Nam must lie in, and the length bands of the bus single fare.

const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

export function haversineKm(a: LatLon, b: LatLon): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Việt Nam's mainland and islands within a bounding box (Lũng Cú 23.39 N … Cà Mau 8.18 N, 102.14 E … 109.46 E). */
export const VIETNAM_BOUNDS = { minLat: 8.1, maxLat: 23.4, minLon: 102.1, maxLon: 109.5 } as const;

export function inVietnam(p: LatLon): boolean {
  const b = VIETNAM_BOUNDS;
  return p.lat >= b.minLat && p.lat <= b.maxLat && p.lon >= b.minLon && p.lon <= b.maxLon;
}

/** Kilometres to three decimals (metres), as stored. */
export const roundKm = (km: number): number => Math.round(km * 1000) / 1000;

export interface LengthBand {
  code: string;
  /** Lower bound, included. */
  fromKm: number;
  /** Upper bound, excluded; null for the last band. */
  toKm: number | null;
}

/**
 * The bus single fare's length bands from 1 Nov 2024 (TRANSPORT.md §1: < 15, 15–< 25, 25–< 30, 30–< 40, ≥ 40 km). The
 * prices belong to the fare tables; callers may pass other bands when the city changes them.
 */
export const BUS_LENGTH_BANDS: readonly LengthBand[] = [
  { code: 'lt15', fromKm: 0, toKm: 15 },
  { code: '15to25', fromKm: 15, toKm: 25 },
  { code: '25to30', fromKm: 25, toKm: 30 },
  { code: '30to40', fromKm: 30, toKm: 40 },
  { code: 'ge40', fromKm: 40, toKm: null },
];

export function lengthBand(km: number, bands: readonly LengthBand[] = BUS_LENGTH_BANDS): LengthBand {
  const band = bands.find((b) => km >= b.fromKm && (b.toKm === null || km < b.toKm));
  if (!band) throw new RangeError(`no length band holds ${km} km`);
  return band;
}
