// Schools' IT equipment (issue 14): per school, computers, networked computer rooms, projectors and screens, Internet;
// entered by the school, checked by the education office; coverage per level and ward. Other modules call what is
// exported here.
import type { Module } from '../../platform/module.ts';

export const schoolItModule: Module = {
  name: 'schoolit',
};
