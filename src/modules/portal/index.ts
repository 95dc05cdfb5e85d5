import type { Module } from '../../platform/module.ts';
import { portalRoutes } from './routes.ts';

export const portalModule: Module = {
  name: 'portal',
  routes: (app, platform) => portalRoutes(app, platform),
};
