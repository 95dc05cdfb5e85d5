// Interoperable public-transport e-tickets for Hà Nội (issue 15; TRANSPORT.md §1–2): the network, the riders' accounts
// and the fare engine, with the riders' pages (/ve-dien-tu) and the centre officer's (/quan-ly/ve-dien-tu). Other
// modules call what the sub-modules export, re-exported here.
import type { Module } from '../../platform/module.ts';
import { riderPages } from './pages/rider-routes.ts';
import { staffPages } from './pages/staff-routes.ts';
import { seedTransitDemo } from './seed.ts';

export const transitModule: Module = {
  name: 'transit',
  routes: async (app, platform) => {
    await riderPages(app, platform);
    await staffPages(app, platform);
  },
  seedDemo: async (platform) => {
    await seedTransitDemo(platform);
  },
};

export * from './network/index.ts';
export * from './riders/index.ts';
export * from './fares/index.ts';
export { passProducts, FARES_FOLDER, type PassProduct } from './pages/passes.ts';
export { seedTransitDemo, DEMO_RIDER, DEMO_CARD_UID } from './seed.ts';
