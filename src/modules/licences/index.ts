// The driving-licence registry (issue 16; TRANSPORT.md §4): licences with their class, validity and 12-point record,
// imported from CSV by the licence officer, who looks them up and records deductions and tests; a public verification
// page reached from the e-licence's QR code. The rules are in rules/; other modules call what is exported here (the
// online renewal, procedure 3.000347, will call licencesOfCitizen).
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Module } from '../../platform/module.ts';
import { registerProcedureExtension } from '../dossiers/index.ts';
import { EXPIRY_NOTICE_CRON, EXPIRY_NOTICE_JOB, sendExpiryNotices } from './notice.ts';
import { recomputePoints } from './recompute.ts';
import { RENEWAL_PROCEDURE, renewalExtension } from './renewal.ts';
import { licenceRoutes } from './routes.ts';
import { seedDemoLicences } from './seed.ts';

export const licencesModule: Module = {
  name: 'licences',
  // /quan-ly/gplx (licence_officer) and /xac-minh-gplx/:token (public).
  routes: async (app, platform) => {
    // The online renewal takes part in procedure 3.000347's dossiers (renewal.ts, dossiers/extensions.ts).
    registerProcedureExtension(RENEWAL_PROCEDURE, renewalExtension);
    await licenceRoutes(app, platform);
  },
  // 300 Hà Nội licences, demo.congdan's among them (demo only).
  seedDemo: (platform) => seedDemoLicences(platform),
  // Each night, just after midnight Vietnam time, the cached points as of the new day (12 months without a deduction
  // restore them: time alone changes them).
  jobs: async (platform) => {
    await platform.jobs.work(RECOMPUTE_JOB, async () => {
      const asOf = vietnamDateOf(new Date());
      platform.log?.info({ asOf, ...(await recomputePoints(platform, asOf)) }, 'licence points recomputed');
    });
    await platform.jobs.schedule(RECOMPUTE_JOB, RECOMPUTE_CRON);
    // Each morning, the notice to holders whose licence expires within a month (notice.ts).
    await platform.jobs.work(EXPIRY_NOTICE_JOB, async () => {
      platform.log?.info(await sendExpiryNotices(platform), 'licence expiry notices sent');
    });
    await platform.jobs.schedule(EXPIRY_NOTICE_JOB, EXPIRY_NOTICE_CRON);
  },
};

export const RECOMPUTE_JOB = 'licences.recompute-points';
export const RECOMPUTE_CRON = '15 0 * * *';

export { licencesOfCitizen, type HeldLicenceView } from './citizen.ts';
export { openCase, closeCase, endLicence } from './cases.ts';
export { renewalExtension, RENEWAL_PROCEDURE } from './renewal.ts';
export { sendExpiryNotices, EXPIRY_NOTICE_JOB, EXPIRY_NOTICE_CRON, NOTICE_DAYS } from './notice.ts';
export { recomputePoints, RECOMPUTE_CHUNK, type RecomputeResult } from './recompute.ts';
export { importLicences, type ImportResult, type LineError } from './import.ts';
export { lookupLicence, recordDeduction, recordTestPassed, type LicenceView } from './record.ts';
export { verifyLicence, type PublicLicence } from './verify.ts';
export { LicenceErrors } from './errors.ts';
export type { LicencesTables } from './repo.ts';
