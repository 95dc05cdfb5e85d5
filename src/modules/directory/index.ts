// The staff directory of every agency (danh bạ cán bộ, issue 12): officials' names, positions, official e-mail
// addresses in the configured mail domain and office phones; public where the agency publishes them; vCard and LDIF
// exports for address books and the city's mail server. Other modules ask it for an official's address:
//   const to = (await officialEmailOf(platform, accountId)) ?? account.email;
import type { Module } from '../../platform/module.ts';
import { directoryRoutes } from './routes.ts';
import { seedDemoDirectory } from './seed.ts';

export const directoryModule: Module = {
  name: 'directory',
  routes: (app, platform) => directoryRoutes(app, platform),
  seedDemo: (platform) => seedDemoDirectory(platform),
};

export { directoryCounts } from './counts.ts';
export { officialEmailOf, officialEmailsOf, departmentsOf, managesAgency } from './service.ts';
export { DirectoryErrors } from './errors.ts';
export { publicAgencyDirectory, type PublicEntry } from './public-service.ts';
