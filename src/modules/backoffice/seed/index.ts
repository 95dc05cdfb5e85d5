// Scale and demo data (issue 4): a realistic year of Hà Nội's one-stop dossiers, generated in batches and written
// with multi-row inserts. Used by `egov seed --dossiers N` and by the module's demo seed:
//   const report = await seedDossiers(platform, { count: 1_000_000, seed: 1, onProgress });
export { seedDossiers, type SeedOptions, type SeedReport } from './run.ts';
export { seedDemoDossiers, DEMO_DOSSIERS } from './demo.ts';
export type { Scenario } from './generate.ts';
export { STATUSES, type Status } from './rows.ts';
