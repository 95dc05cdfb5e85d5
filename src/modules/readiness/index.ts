// IT readiness of every unit (issue 14): indicator sets as data, the yearly self-assessment cycle (forms with evidence,
// review, the appraisal council, publication) and its results. Other modules call what is exported here, never the
// tables.
import type { Module } from '../../platform/module.ts';
import { registerReminderJobs } from './reminders.ts';
import { readinessRoutes } from './routes.ts';
import { seedDemoReadiness } from './seed.ts';

export const readinessModule: Module = {
  name: 'readiness',
  // The self-assessment pages under /chuyen-doi-so.
  routes: readinessRoutes,
  // The 2025 communes' cycle open (most forms in), the departments' published (demo only).
  seedDemo: (platform) => seedDemoReadiness(platform),
  // Reminders of the deadline, 7, 3 and 1 days before, every morning.
  jobs: (platform) => registerReminderJobs(platform),
};

export { remindReporters, REMINDERS_JOB } from './reminders.ts';
export { SOURCES as PLATFORM_FIGURE_SOURCES, platformFigures } from './figures.ts';
