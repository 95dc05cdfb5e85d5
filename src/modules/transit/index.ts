// Interoperable public-transport e-tickets for Hà Nội (issue 15; TRANSPORT.md §1–2): the network, the riders' accounts
// and the fare engine, with the riders' pages (/ve-dien-tu) and the centre officer's (/quan-ly/ve-dien-tu). Other
// modules call what the sub-modules export, re-exported here.
import type { Module } from '../../platform/module.ts';
import { riderPages } from './pages/rider-routes.ts';
import { staffPages } from './pages/staff-routes.ts';
import { paymentApi } from './pages/payment-api.ts';
import { seedTransitDemo } from './seed.ts';
import { registerTransitJobs, startTransitCentre } from './centre.ts';

export const transitModule: Module = {
  name: 'transit',
  routes: async (app, platform) => {
    await riderPages(app, platform);
    await staffPages(app, platform);
    await paymentApi(app, platform);
  },
  seedDemo: async (platform) => {
    await seedTransitDemo(platform);
  },
  // Yesterday's service day priced at 04:45 Vietnam time; declined charges retried hourly (centre.ts).
  jobs: (platform) => registerTransitJobs(platform),
  // The fare centre on the validators' MQTT broker, when EGOV_TRANSIT_BROKER is set (docs/transit-validators.md).
  start: (platform) => Promise.resolve(startTransitCentre(platform)),
};

export * from './network/index.ts';
export * from './riders/index.ts';
export * from './fares/index.ts';
export { passProducts, FARES_FOLDER, type PassProduct } from './pages/passes.ts';
export { seedTransitDemo, DEMO_RIDER, DEMO_CARD_UID } from './seed.ts';
export { startTransitCentre, registerTransitJobs, PRICE_DAY_JOB, RETRY_CHARGES_JOB, EXPIRE_PAYMENTS_JOB } from './centre.ts';
export { transitSystemActor } from './system.ts';
export * from './payments/index.ts';
export { operatorsClearedBy, mapAgencyToOperator } from './taps/index.ts';
