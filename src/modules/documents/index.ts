// Official documents (văn thư, issue 13): incoming and outgoing documents of every agency, numbering, assignment with
// working-day deadlines, registers, digital signatures, work files and the exchange between agencies (edXML).
// Other modules call what is exported here, never the tables.
import type { Module } from '../../platform/module.ts';
import { registerDeadlineJobs } from './deadlines.ts';
import { registerExchangeJobs } from './exchange.ts';
import { seedDemoDocuments } from './seed.ts';
import { documentRoutes } from './routes.ts';
import { workFileRoutes } from './workfiles-routes.ts';

export const documentsModule: Module = {
  name: 'documents',
  // A year of documents for the city office, the city committee and three wards (demo only).
  seedDemo: (platform) => seedDemoDocuments(platform),
  // The registry's pages (/van-ban), then the work files' pages and exports (/van-ban/ho-so).
  routes: async (app, platform) => {
    await documentRoutes(app, platform);
    await workFileRoutes(app, platform);
  },
  // Reminders and escalation of handling deadlines; the exchange axis read and the outbox retried every minute, when
  // EGOV_DOCUMENT_EXCHANGE is set.
  jobs: async (platform) => {
    await registerDeadlineJobs(platform);
    await registerExchangeJobs(platform);
  },
};

export { DOCUMENT_TYPES, URGENCIES, SECRECY, documentType } from './types.ts';
export { remindAndEscalate, DEADLINES_JOB } from './deadlines.ts';
export { pollExchange, retryOutbox, runExchange, EXCHANGE_JOB, type PollReport } from './exchange.ts';
export { seedDocuments, type DocumentSeedOptions, type DocumentSeedReport } from './generate.ts';
export { agencyOnTimeShare } from './queries.ts';
