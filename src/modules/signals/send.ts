// Sending plans to the controllers through the centre (issue 16, TRANSPORT.md §3): the current plan of each
// intersection goes out with SignalCentre.pushPlan; the outcome of each controller — confirmed, refused with the
// controller's problems, rolled back when no acknowledgement came in time (the last confirmed plan is sent again), or
// invalid (the centre's own check) — is recorded with an audit row, all in one transaction once every answer is in.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudits } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireSignalEngineer } from './access.ts';
import type { PushOutcome } from './controller/centre.ts';
import { SignalErrors } from './errors.ts';
import { centreRuntime } from './registry.ts';
import { asPlatformDb, signalsDb, signalsRepo } from './repo.ts';

export interface SendResult {
  id: string;
  planVersion: number;
  outcome: PushOutcome;
}

const sentVersion = (o: PushOutcome): number | null => ('version' in o ? o.version : null);

/** Sends the current plans of the given intersections (ids already known to exist) and records each outcome. */
export async function sendPlans(platform: Platform, actor: Actor, ids: readonly string[]): Promise<SendResult[]> {
  const user = requireSignalEngineer(actor);
  const runtime = centreRuntime(platform);
  if (!runtime) throw SignalErrors.CENTRE_OFF();
  const db = signalsDb(platform.database.db);
  const plans = await signalsRepo.currentPlans(db, ids);
  const results = await Promise.all(
    ids.map(async (id): Promise<SendResult & { planId: number }> => {
      const plan = plans.get(id);
      const row = await signalsRepo.intersection(db, id);
      if (!plan || !row) throw SignalErrors.NOT_FOUND();
      await runtime.ensure({ id, name: row.name, lat: row.lat, lon: row.lon, corridor: row.corridor }, plan.plan, row.mode);
      const outcome = await runtime.centre.pushPlan(id, plan.plan, row.mode);
      return { id, planId: plan.id, planVersion: plan.version, outcome };
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (const r of results) {
      await signalsRepo.addSend(trx, { intersectionId: r.id, planId: r.planId, sentVersion: sentVersion(r.outcome), outcome: r.outcome.state, problems: 'problems' in r.outcome ? r.outcome.problems : [], sentBy: user.id });
    }
    await recordAudits(asPlatformDb(trx), results.map((r) => ({ actor: user, action: 'signals.plan-sent', entity: 'signal_intersection', entityId: r.id, data: { planVersion: r.planVersion, sentVersion: sentVersion(r.outcome), outcome: r.outcome.state } })));
  });
  return results.map(({ id, planVersion, outcome }) => ({ id, planVersion, outcome }));
}
