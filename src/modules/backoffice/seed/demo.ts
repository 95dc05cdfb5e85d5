// The demo's dossiers (demo seed only, never in production): a year of ~3,000 dossiers across Hà Nội so inboxes and
// dashboards have something to show, generated relative to the day the demo starts. The demo staff's own units get
// dossiers in every state, some due within one working day and some overdue: UBND phường Hoàn Kiếm (demo.motcua,
// demo.chuyenvien, demo.lanhdao), Sở Tư pháp via the service centre (demo.stp.*) and UBND phường Ba Đình
// (demo.badinh.motcua). Runs once: a second start finds the setting and does nothing.
import { getSetting, setSetting } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { countProcedures } from '../../procedures/index.ts';
import type { Scenario } from './generate.ts';
import { seedDossiers } from './run.ts';

export const DEMO_DOSSIERS = 3000;
const DONE_KEY = 'demo_dossiers_seeded';
/** Fixed, so every demo database tells the same story (shifted to its start date). */
const DEMO_SEED = 2025;

const HOAN_KIEM = '000.04.51.H26';
const BA_DINH = '000.01.51.H26';
const CENTRE = '000.00.20.H26';
const JUSTICE = '000.00.03.H26';

const each = (agency: string, list: [Scenario['status'], number | undefined, number?][], handling?: string): Scenario[] =>
  list.map(([status, dueIn, count]) => ({ agency, status, ...(dueIn === undefined ? {} : { dueIn }), ...(count ? { count } : {}), ...(handling ? { handling } : {}) }));

export const DEMO_SCENARIOS: readonly Scenario[] = [
  ...each(HOAN_KIEM, [
    ['received', undefined, 4], ['supplement', undefined, 2], ['refused', undefined, 2],
    ['processing', -2], ['processing', -1], ['processing', 0], ['processing', 1], ['processing', 3], ['processing', 6],
    ['consulting', -1], ['consulting', 1], ['consulting', 4],
    ['approval', -1], ['approval', 0], ['approval', 1], ['approval', 3],
    ['approved', 0], ['approved', 2], ['result_ready', 1], ['result_ready', undefined], ['returned', undefined, 2],
  ]),
  ...each(CENTRE, [['processing', -1], ['processing', 0], ['processing', 1], ['processing', 4], ['approval', 0], ['approval', 2], ['approved', 1], ['result_ready', undefined]], JUSTICE),
  ...each(JUSTICE, [['received', undefined, 2], ['processing', 1]]),
  ...each(BA_DINH, [['received', undefined, 3], ['processing', -1], ['processing', 0], ['processing', 2], ['approval', 1], ['result_ready', undefined]]),
];

export async function seedDemoDossiers(platform: Platform, now = new Date()): Promise<void> {
  const db = platform.database.db;
  if ((await getSetting<boolean>(db, DONE_KEY)) === true) return;
  // The demo catalogue is loaded by the procedures module's demo seed, which runs first; without it there is nothing to follow.
  if ((await countProcedures(db)) === 0) return;
  await seedDossiers(platform, {
    count: DEMO_DOSSIERS,
    seed: DEMO_SEED,
    now,
    focus: { [HOAN_KIEM]: 0.08, [BA_DINH]: 0.02 },
    scenarios: DEMO_SCENARIOS,
    tail: 40,
  });
  await setSetting(db, DONE_KEY, true);
}
