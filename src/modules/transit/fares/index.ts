// The fare engine (issue 15): Hà Nội fares as GTFS-Fares v2 data (data/transit/fares), loaded and validated,
// priced per account and service day, exported back. Pure: no database, no HTTP.
export { loadGtfsFares, loadGtfsFaresFromDir } from './load.ts';
export { exportGtfsFares } from './export.ts';
export { priceDay } from './engine.ts';
export { FareErrors } from './errors.ts';
export type { FareTable } from './model.ts';
export type { Problem } from './problems.ts';
export type { Account, Charge, DayResult, PriceOptions, Tap } from './types.ts';
