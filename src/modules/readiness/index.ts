// IT readiness of every unit (issue 14): indicator sets as data, the yearly self-assessment cycle (forms with evidence,
// review, the appraisal council, publication) and its results. Other modules call what is exported here, never the
// tables.
import type { Module } from '../../platform/module.ts';
import { seedDemoHistory } from './history-seed.ts';
import { registerReminderJobs } from './reminders.ts';
import { resultRoutes } from './results-routes.ts';
import { readinessRoutes } from './routes.ts';
import { seedDemoReadiness } from './seed.ts';
import { setRoutes } from './sets-routes.tsx';
import { seedShippedSets } from './sets-store.ts';

export const readinessModule: Module = {
  name: 'readiness',
  // The shipped indicator sets (data/readiness/*.json) stored as versioned rows when their content is new.
  seedReference: seedShippedSets,
  // Demo only: the 2025 communes' cycle open (most forms in), the departments' published; an illustrative 2016–2024
  // history of every commune and department (marked as such).
  seedDemo: async (platform) => {
    await seedDemoReadiness(platform);
    await seedDemoHistory(platform);
  },
  // The self-assessment pages under /chuyen-doi-so; the indicator sets' pages (/chuyen-doi-so/bo-chi-so); the results
  // pages (/chuyen-doi-so/ket-qua, /chuyen-doi-so/dti, /chuyen-doi-so/ke-hoach/:year).
  routes: async (app, platform) => {
    await readinessRoutes(app, platform);
    await setRoutes(app, platform);
    await resultRoutes(app, platform);
  },
  // Reminders of the deadline, 7, 3 and 1 days before, every morning.
  jobs: (platform) => registerReminderJobs(platform),
};

export { remindReporters, REMINDERS_JOB } from './reminders.ts';
export { SOURCES as PLATFORM_FIGURE_SOURCES, platformFigures } from './figures.ts';
