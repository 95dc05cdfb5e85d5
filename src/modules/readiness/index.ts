// IT readiness of every unit (issue 14): indicator sets as data, the yearly self-assessment cycle (forms with evidence,
// review, the appraisal council, publication) and its results. Other modules call what is exported here, never the
// tables.
import type { Module } from '../../platform/module.ts';
import { seedDemoHistory } from './history-seed.ts';
import { resultRoutes } from './results-routes.ts';

export const readinessModule: Module = {
  name: 'readiness',
  // Illustrative 2016–2024 history of every commune and department (demo only, marked as such).
  seedDemo: async (platform) => {
    await seedDemoHistory(platform);
  },
  // The results pages (/chuyen-doi-so/ket-qua, /chuyen-doi-so/dti, /chuyen-doi-so/ke-hoach/:year).
  routes: (app, platform) => resultRoutes(app, platform),
};
