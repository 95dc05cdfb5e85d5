// Dossiers (hồ sơ): online submission with a per-agency daily code, attachments, receipt and Form 01, fees with
// VietQR and a payment gateway, drafts, the citizen's list and the public status lookup. Other modules call:
//   const { dossier } = await submitDossier(platform, actor, { procedureCode, form, files }, { via: 'api' });
//   const d = await getDossier(platform, actor, code);   // applicant or receiving agency's staff; 404 otherwise
//   const s = await lookupStatus(platform, code);         // public: { code, status } or undefined
import type { Module } from '../../platform/module.ts';
import { notifyReceipt } from './notify.ts';
import { dossierApi } from './routes/api.ts';
import { registerMultipart } from './routes/multipart.ts';
import { dossierPages } from './routes/pages.ts';
import { citizenRoutes } from '../backoffice/citizen/index.ts';
import { qualityRoutes } from '../quality/routes.ts';
import { officePages } from '../backoffice/office/routes.ts';
import { intakePages } from '../backoffice/intake/routes.ts';
import { attachmentLimits } from './storage.ts';
import { NOTIFY_RECEIPT_JOB } from './submit.ts';
import { NOTIFY_JOB } from '../backoffice/workflow/notify-events.ts';
import { seedWorkflows } from '../backoffice/workflow/registry.ts';
import { configureDemoServices } from '../backoffice/workflow/demo.ts';
import { registerDeadlineSweeps } from '../backoffice/workflow/sweeps.ts';
import { seedDemoDossiers } from '../backoffice/seed/index.ts';

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: async (app, platform) => {
    await registerMultipart(app, () => attachmentLimits(platform));
    await dossierPages(app, platform);
    await dossierApi(app, platform);
    await citizenRoutes(app, platform);
    await qualityRoutes(app, platform);
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
    await platform.jobs.work(NOTIFY_RECEIPT_JOB, () => notifyReceipt(platform));
    await platform.jobs.work(NOTIFY_JOB, () => notifyReceipt(platform));
    await registerDeadlineSweeps(platform);
  },
};

export { submitDossier, NOTIFY_RECEIPT_JOB, type SubmitInput, type SubmitContext, type SubmitResult } from './submit.ts';
export { getDossier, getDossierView, listMyDossiers, lookupStatus, canSee, type DossierView } from './read.ts';
export { dossierCode, isDossierCode, receiptDay, DOSSIER_CODE } from './code.ts';
export { configureAttachments, attachmentStore } from './storage.ts';
export { simulatedGateway, type PaymentGateway } from './payments.ts';
export { DossierErrors } from './errors.ts';
export { statusLabel } from './messages.ts';
export { takeAction, type ActionContext, type ActionResult } from '../backoffice/workflow/engine.ts';
export type { ActionInput } from '../backoffice/workflow/input.ts';
export { WorkflowErrors } from '../backoffice/workflow/errors.ts';
export type { Dossier, DossierFile, DossierEvent, Payment, Applicant } from './schema.ts';
export { seedDossiers, seedDemoDossiers, type SeedOptions, type SeedReport, type Scenario } from '../backoffice/seed/index.ts';
