// Schools' IT equipment (issue 14): per school, computers, networked computer rooms, projectors and screens, Internet;
// entered by the school, checked by the education office; coverage per level and ward. Other modules call what is
// exported here:
//   const c = await schoolCoverage(platform, { year: '2026-2027', unitCode: '00070' });  // c.total.shareNetworked…
import type { Module } from '../../platform/module.ts';
import { schoolItPages } from './routes.ts';
import { seedSchoolItDemo } from './seed.ts';

export const schoolItModule: Module = {
  name: 'schoolit',
  routes: async (app, platform) => schoolItPages(app, platform),
  seedDemo: async (platform) => {
    await seedSchoolItDemo(platform);
  },
};

export { schoolCoverage, loadNorms, type Coverage, type CoverageRow, type Norms } from './coverage.ts';
export { schoolYearOf } from './access.ts';
export { attachItOfficer } from './staff.ts';
export { seedSchoolItDemo, DEMO_IT_OFFICER } from './seed.ts';
