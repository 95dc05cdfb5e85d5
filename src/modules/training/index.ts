// IT training of officials (issue 14): courses and classes, trainees from each unit, the national IT skills modules
// IU01–IU15 (Circular 03/2014/TT-BTTTT), exams, certificates with a verifiable code, and coverage per unit, which
// feeds the unit's human-resources indicator in the readiness form. Other modules call what is exported here.
import type { Module } from '../../platform/module.ts';
import { trainingRoutes } from './routes.ts';
import { seedDemoTraining } from './seed.ts';

export const trainingModule: Module = {
  name: 'training',
  // The training office's pages (/dao-tao-cntt) and the public verification page (/xac-minh-chung-chi).
  routes: (app, platform) => trainingRoutes(app, platform),
  // 4 courses, 10 classes, 300 trainees of 40 units, results and ~120 certificates (demo only).
  seedDemo: (platform) => seedDemoTraining(platform),
};

export { trainedInYear } from './coverage.ts';
export { SKILL_MODULES, BASIC_MODULES, ADVANCED_MODULES } from './modules.ts';
