// IT training of officials (issue 14): courses and classes, trainees from each unit, the national IT skills modules
// IU01–IU15 (Circular 03/2014/TT-BTTTT), exams, certificates with a verifiable code, and coverage per unit, which
// feeds the unit's human-resources indicator in the readiness form. Other modules call what is exported here.
import type { Module } from '../../platform/module.ts';

export const trainingModule: Module = {
  name: 'training',
};
