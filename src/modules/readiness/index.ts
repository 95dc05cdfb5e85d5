// IT readiness of every unit (issue 14): indicator sets as data, the yearly self-assessment cycle (forms with evidence,
// review, the appraisal council, publication) and its results. Other modules call what is exported here, never the
// tables.
import type { Module } from '../../platform/module.ts';
import { seedDemoHistory } from './history-seed.ts';
import { resultRoutes } from './results-routes.ts';
import { setRoutes } from './sets-routes.tsx';
import { seedShippedSets } from './sets-store.ts';

export const readinessModule: Module = {
  name: 'readiness',
  // The shipped indicator sets (data/readiness/*.json) stored as versioned rows when their content is new.
  seedReference: seedShippedSets,
  // Illustrative 2016–2024 history of every commune and department (demo only, marked as such).
  seedDemo: async (platform) => {
    await seedDemoHistory(platform);
  },
  // The indicator sets' pages (/chuyen-doi-so/bo-chi-so); the results pages (/chuyen-doi-so/ket-qua,
  // /chuyen-doi-so/dti, /chuyen-doi-so/ke-hoach/:year).
  routes: async (app, platform) => {
    await setRoutes(app, platform);
    await resultRoutes(app, platform);
  },
};
