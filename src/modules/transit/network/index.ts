// The transit network (issue 15; TRANSPORT.md §1–2): operators, networks, routes, stops, fare areas and validators,
// loaded from a GTFS feed. Fares, taps and journeys call what is exported here; nothing else touches its tables.
export { importGtfsFolder, issueText, type GtfsImportReport, type Count } from './import.ts';
export type { FeedIssue } from './gtfs-read.ts';
export { findRoute, getRoute, listRoutes, getStop, listStops, routeStops, distanceBetween, stopInArea, areaStops, type RouteInfo, type StopInfo, type RouteStop } from './service.ts';
export { findValidator, getValidator, validatorSecret, registerValidator, setValidatorStatus, recordValidatorSeen, findValidatorWithSecret, markValidatorSeen, type ValidatorInfo, type NewValidator } from './validators.ts';
export { BUS_LENGTH_BANDS, lengthBand, haversineKm, type LengthBand } from './geo.ts';
export { seedTransitNetwork, demoValidators, DEMO_GTFS_FOLDER } from './seed.ts';
export { TransitNetworkErrors } from './errors.ts';
export type { ValidatorKind, ValidatorStatus } from './repo.ts';
export type { StopKind } from './feed.ts';
