// The demo registry (demo seed only, never in production): the 600 intersections of network/demo.ts with their
// corridors (metres along each), each intersection's Webster plan as version 1 (source seed; the green-wave corridor's
// offsets already set), and a day plan that runs that pattern from midnight. Bulk inserts, one statement per table.
// Idempotent: nothing is done once any intersection is registered.
import { insertJsonRows } from '../../platform/db/bulk.ts';
import type { Platform } from '../../platform/http/context.ts';
import { CYCLE_LIMITS } from './plan/check.ts';
import { CORRIDORS, demoIntersections, GREEN_WAVE } from './network/demo.ts';
import { asPlatformDb, signalsDb } from './repo.ts';

export async function seedDemoSignals(platform: Platform, count = 600): Promise<void> {
  const db = signalsDb(platform.database.db);
  if (await db.selectFrom('signal_intersections').select('id').limit(1).executeTakeFirst()) return;
  const list = demoIntersections(count);
  await db.transaction().execute(async (trx) => {
    const corridorIds = new Map<string, number>();
    for (const c of CORRIDORS) {
      const members = list.filter((x) => x.corridor === c.name);
      if (members.length === 0) continue;
      const wave = c.name === GREEN_WAVE.corridor;
      const cycle = wave ? GREEN_WAVE.cycle : Math.min(CYCLE_LIMITS.max, Math.max(CYCLE_LIMITS.min, ...members.map((x) => x.plan.pattern.cycle)));
      const r = await trx.insertInto('signal_corridors').values({ name: c.name, speed_kmh: wave ? GREEN_WAVE.speedKmh : 40, cycle }).returning('id').executeTakeFirstOrThrow();
      corridorIds.set(c.name, Number(r.id));
    }
    const pdb = asPlatformDb(trx);
    await insertJsonRows(pdb, 'signal_intersections', [['id', 'text'], ['name', 'text'], ['lat', 'double precision'], ['lon', 'double precision'], ['corridor_id', 'bigint'], ['along_m', 'integer']],
      list.map((x) => ({ id: x.id, name: x.name, lat: x.lat, lon: x.lon, corridor_id: x.corridor ? (corridorIds.get(x.corridor) ?? null) : null, along_m: x.corridor ? x.along : null })));
    await insertJsonRows(pdb, 'signal_plans', [['intersection_id', 'text'], ['version', 'integer'], ['pattern', 'smallint'], ['cycle', 'smallint'], ['plan', 'jsonb'], ['source', 'text']],
      list.map((x) => ({ intersection_id: x.id, version: 1, pattern: x.plan.pattern.pattern, cycle: x.plan.pattern.cycle, plan: x.plan, source: 'seed' })));
    await insertJsonRows(pdb, 'signal_schedule', [['intersection_id', 'text'], ['day_plan', 'smallint'], ['starts_minute', 'smallint'], ['pattern', 'smallint']],
      list.map((x) => ({ intersection_id: x.id, day_plan: 1, starts_minute: 0, pattern: x.plan.pattern.pattern })));
  });
}
