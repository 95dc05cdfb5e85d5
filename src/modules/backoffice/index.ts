// The one-stop back office (bộ phận một cửa, DOMAIN §4): workflows as data, the officers' inbox and dossier pages,
// counter intake, the official forms 02–06 and the tracking book, deadline sweeps, the applicant's side after
// submission (supplements, results, rating and feedback at /ho-so-cua-toi/:code, the dossier API's actions), and the
// scale and demo data. It runs on the dossiers module (../dossiers), through its index.ts only. Other modules call:
//   const r = await takeAction(platform, actor, code, { action: 'accept', version }, { via: 'api' });
//   const report = await seedDossiers(platform, { count: 1_000_000, seed: 1 });   // `egov seed --dossiers`
//
// Tables (docs/modules.md): workflows, dossier_supplements, dossier_consultations, dossier_ratings, dossier_feedback.
// Only the repo*.ts files touch them (workflow/repo.ts, workflow/repo-inbox.ts, office/repo-book.ts, citizen/repo.ts,
// seed/repo.ts). The dossier row, its timeline (the process history), files and payments are the dossiers module's:
// the back office changes them through `dossierRows`/`dossierBulk` inside its own transactions and reads them in bulk
// through the dossiers module's views. Published for others to read (migrations/0011): supplement_facts, rating_facts,
// feedback_facts, consultation_facts.
import type { Module } from '../../platform/module.ts';
import { notifyReceipt, registerMultipart } from '../dossiers/index.ts';
import { citizenRoutes } from './citizen/index.ts';
import { intakePages } from './intake/routes.ts';
import { officePages } from './office/routes.ts';
import { seedDemoDossiers } from './seed/index.ts';
import { configureDemoServices } from './workflow/demo.ts';
import { NOTIFY_JOB } from './workflow/notify-events.ts';
import { seedWorkflows } from './workflow/registry.ts';
import { registerDeadlineSweeps } from './workflow/sweeps.ts';

export const backOfficeModule: Module = {
  name: 'backoffice',
  routes: async (app, platform) => {
    // Each module's routes are their own Fastify scope: the forms with file inputs need the parser here too.
    await registerMultipart(app, platform);
    await citizenRoutes(app, platform);
    await officePages(app, platform);
    await intakePages(app, platform);
  },
  seedReference: async (platform) => {
    await seedWorkflows(platform.database.db);
  },
  seedDemo: async (platform) => {
    await configureDemoServices(platform);
    await seedDemoDossiers(platform);
  },
  jobs: async (platform) => {
    // The applicant's notices of an action are in the outboxes (committed with it); this sends them promptly.
    await platform.jobs.work(NOTIFY_JOB, () => notifyReceipt(platform));
    await registerDeadlineSweeps(platform);
  },
};

export { takeAction, type ActionContext, type ActionResult } from './workflow/engine.ts';
export type { ActionInput } from './workflow/input.ts';
export { WorkflowErrors } from './workflow/errors.ts';
export { rateDossier, sendFeedback, answerFeedback, CitizenErrors } from './citizen/index.ts';
export { seedDossiers, seedDemoDossiers, type SeedOptions, type SeedReport, type Scenario } from './seed/index.ts';
