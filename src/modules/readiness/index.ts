// IT readiness of every unit (issue 14): indicator sets as data, the yearly self-assessment cycle (forms with evidence,
// review, the appraisal council, publication) and its results. Other modules call what is exported here, never the
// tables.
import type { Module } from '../../platform/module.ts';
import { setRoutes } from './sets-routes.tsx';
import { seedShippedSets } from './sets-store.ts';

export const readinessModule: Module = {
  name: 'readiness',
  // Temporary on branch rd-sets: the merge wires these into the module's index.ts.
  seedReference: seedShippedSets,
  routes: setRoutes,
};
