// Online school admission (DOMAIN §8, issue 11): the module's public surface. Parents' pages at /tuyen-sinh; the
// functions school and office pages, the lottery/allocation and the benchmark call:
//   const { schools } = await lookUp(platform, { code, personalId });
//   const { application, replayed } = await apply(platform, { code, personalId, schoolCode, idempotencyKey });
import type { Module } from '../../platform/module.ts';
import { waitingRoom, waitingRoomCapacityFrom } from '../../platform/http/waiting-room.ts';
import { admissionsApi } from './api.ts';
import { admissionPages } from './routes.ts';
import { schoolPages } from './routes-school.ts';
import { attachDemoOfficer } from './school.ts';
import { officePages } from './routes-office.ts';
import { seedAdmissionsDemo } from './seed.ts';
import { NOTIFY_JOB } from './service.ts';
import { sendConfirmations } from './notify.ts';

export const admissionsModule: Module = {
  name: 'admissions',
  routes: async (app, platform) => {
    // One waiting room for the parents' form and the API's write (docs/rush.md): both take the same slots. Default
    // 1,000 per process: group commit wants many applications in flight (a batch of up to 200, four at once), and a
    // parent sent to the line comes back no sooner than a second later (Retry-After), so a small room caps the rush
    // at about its capacity per second (bench/admission with 64: 64 applications/s, docs/admission.md).
    const room = waitingRoom(app, platform, { name: 'admissions', capacity: waitingRoomCapacityFrom(process.env, 1000) });
    await admissionPages(app, platform, room);
    await admissionsApi(app, platform, room);
    await app.register(async (scope) => schoolPages(scope, platform)); // the school officer's pages (routes-school.ts)
    await officePages(app, platform);
  },
  seedDemo: async (platform) => {
    await seedAdmissionsDemo(platform);
    await attachDemoOfficer(platform); // demo.truong works for the demo children's school (school.ts)
  },
  jobs: async (platform) => {
    // Declared at start even without workers: the application's transaction queues to it (platform/jobs).
    await platform.jobs.work(NOTIFY_JOB, () => sendConfirmations(platform));
  },
};

export { changeSchool, listRounds, viewApplication, withdraw } from './changes.ts';
export {
  apply,
  clearAdmissionCaches,
  eligibleSchools,
  identify,
  lookUp,
  NOTIFY_JOB,
  type Application,
  type ApplyInput,
  type Credentials,
  type Ctx,
  type EligibleSchool,
  type Identified,
} from './service.ts';
export { listCatchments, setCatchments, type CatchmentArea } from './catchments.ts';
export { issueEnrolmentCodes, newEnrolmentCode, type ChildInput } from './issue.ts';
export { seedAdmissionsDemo } from './seed.ts';
export { attachOfficer, confirmEnrolment, listSchools, officerSchools, schoolApplicants, DEMO_OFFICER, type Applicant, type ApplicantList } from './school.ts';
export { importCodes, type ImportLine } from './school-codes.ts';
export { lettersPdf } from './letters.ts';
export { DEMO_CHILDREN, DEMO_SCHOOL_YEAR, type DemoChild } from './demo.ts';
export { eligibility, windowState, normaliseCode, PRIORITY, LEVEL_PREFIX, type WindowState } from './rules.ts';
export { AdmissionErrors } from './errors.ts';
export type { Round, Child, School, ApplicationRow } from './repo.ts';
export type { AdmissionTables, Level, ApplicationStatus } from './tables.ts';
