// Taps, daily pricing, debt recovery and clearing of interoperable e-tickets (issue 15, TRANSPORT.md §1–2):
// validators forward signed batches of taps; each service day is priced once per account with the fare engine over
// the network's routes; charges go to the balance or the bank card; operators get a daily clearing file.
export { ingestTaps, ingestTapBatches, TAP_DEFAULTS, type IngestOptions, type IngestResult } from './ingest.ts';
export { canonicalBatch, signBatch, signatureMatches, type TapBatch, type TapInput } from './canonical.ts';
export { priceServiceDay, serviceDayWindow, FARES_FOLDER, CHUNK_ACCOUNTS, type PriceDayOptions, type DayRunResult } from './price.ts';
export { retryCharges, attemptCharge, chargesOf, RETRY_DAYS, type CardPayments, type ChargeOptions } from './charges.ts';
export { clearingFor, clearingFile, type Clearing } from './clearing.ts';
export { operatorsClearedBy, requireClearsFor, mapAgencyToOperator } from './agencies.ts';
export { faresFromNetwork, fareNetworkOf, type NetworkFares } from './fare-network.ts';
export { engineAccount, RIDER_CATEGORY_FARE, CONCESSION_FARE } from './profile.ts';
export { TapErrors } from './errors.ts';
export type { TapsTables, ChargeStatus } from './repo.ts';
export { tripHistory, tripWithTaps, showTrip, routeLabels, HISTORY_DAYS, DAYS_PER_PAGE, type TripHistory, type DayShown, type TripShown } from './history.ts';
export type { TripRow, TapRow } from './repo.ts';
export { ridershipFor, reasonOf, FREE_REASONS, MAX_PERIOD_DAYS, TOP_STOPS, type Ridership, type FreeReason } from './ridership.ts';
export { faresExport, type FaresExport } from './fares-export.ts';
