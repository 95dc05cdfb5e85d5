// The fare centre inside the app (issue 15, TRANSPORT.md §2; docs/transit-validators.md): with EGOV_TRANSIT_BROKER
// set it connects to the validators' broker, stores their signed batches through the tap ingest, answers each batch
// (stored, or refused for good with the reason), and publishes the deny/allow lists every EGOV_TRANSIT_LISTS_SECONDS,
// so a debt cleared reaches the validators well within the hour. The nightly pricing and the hourly retry of declined
// charges run as jobs.
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { demoValidators, findValidator, routeStops, validatorSecret } from './network/index.ts';
import { cardPaymentsFor, expirePayments } from './payments/index.ts';
import { fullList, listDelta } from './riders/index.ts';
import { transitSystemActor } from './system.ts';
import { type DayRunResult, ingestTapBatches, ingestTaps, priceServiceDay, retryCharges } from './taps/index.ts';
import {
  type Centre, connectCentre, type FaresMessage, type ListSource, type SimulatedValidator, type SimulationOptions, type SimulationReport, simulateTraffic,
} from './validators/index.ts';

export const PRICE_DAY_JOB = 'transit.price-day';
export const RETRY_CHARGES_JOB = 'transit.retry-charges';
export const EXPIRE_PAYMENTS_JOB = 'transit.expire-payments';
export const EXPIRE_PAYMENTS_CRON = '*/10 * * * *';
/** A service day runs 04:30 to 04:29 the next morning (TRANSPORT.md, daily cap as TfL); pricing waits until 04:45 Vietnam time. */
export const PRICE_DAY_CRON = '45 4 * * *';
export const RETRY_CHARGES_CRON = '17 * * * *';

/** Validators price nothing themselves (§2: prices are computed centrally); the version tells them the rules in force. */
const CENTRAL_FARES: FaresMessage = { version: 'central', summary: { pricing: 'central' } };

export function centreLists(platform: Platform): ListSource {
  return {
    full: async (list) => fullList(platform, await transitSystemActor(platform), list),
    delta: async (list, since) => listDelta(platform, await transitSystemActor(platform), list, since),
  };
}

/** Starts the centre when EGOV_TRANSIT_BROKER is set; the connection is made in the background so a start never waits for the broker. */
export function startTransitCentre(platform: Platform): { close(): Promise<void>; ready: Promise<Centre | null> } | undefined {
  const url = platform.config.transitBroker;
  if (!url) return undefined;
  const log = platform.log?.child({ module: 'transit.centre' });
  let timer: NodeJS.Timeout | null = null;
  let closing = false;
  const ready = connectCentre({
    url,
    sink: (batch) => ingestTaps(platform, batch),
    // The batches waiting on the broker stored together, one commit for all; 4 groups at once on PostgreSQL's pool.
    groupSink: (batches) => ingestTapBatches(platform, batches),
    parallel: platform.database.kind === 'postgres' ? 4 : 1,
    lists: centreLists(platform),
    fares: CENTRAL_FARES,
    warn: (message, details) => log?.warn(details, message),
  }).then(
    (centre) => {
      if (closing) return centre.close().then(() => null);
      log?.info({ url: url.replace(/\/\/[^@/]*@/, '//***@') }, 'transit centre connected to the validators broker');
      timer = setInterval(() => void centre.publishLists().catch((err: unknown) => log?.error({ err }, 'transit lists not published')), platform.config.transitListsSeconds * 1000);
      timer.unref();
      return centre;
    },
    (err: unknown) => {
      log?.error({ err }, 'transit centre could not connect to the validators broker');
      return null;
    },
  );
  return {
    ready,
    async close() {
      closing = true;
      if (timer) clearInterval(timer);
      const centre = await Promise.race([ready, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      await centre?.close();
    },
  };
}

/** The nightly job: the service day before today (Vietnam time) priced by the system; a second run changes nothing. */
export async function priceYesterday(platform: Platform, now: Date = new Date()): Promise<DayRunResult> {
  const day = addDays(vietnamDateOf(now), -1);
  const payments = cardPaymentsFor(platform);
  const r = await priceServiceDay(platform, await transitSystemActor(platform), day, { now, ...(payments ? { payments } : {}) });
  platform.log?.info({ day, ...r }, 'transit service day priced');
  return r;
}

/** Yesterday's service day (Vietnam time) priced each night; declined or pending charges retried every hour; unpaid payments expired every 10 minutes. */
export async function registerTransitJobs(platform: Platform): Promise<void> {
  await platform.jobs.work(PRICE_DAY_JOB, async () => {
    await priceYesterday(platform);
  });
  await platform.jobs.work(RETRY_CHARGES_JOB, async () => {
    const payments = cardPaymentsFor(platform);
    const r = await retryCharges(platform, await transitSystemActor(platform), new Date(), payments ? { payments } : {});
    platform.log?.info(r, 'transit charges retried');
  });
  // Unpaid VietQR payments past their time expire (a late transfer is then refused and returned by the centre).
  await platform.jobs.work(EXPIRE_PAYMENTS_JOB, async () => {
    const r = await expirePayments(platform, await transitSystemActor(platform));
    if (r.expired > 0) platform.log?.info(r, 'transit payments expired');
  });
  await platform.jobs.schedule(PRICE_DAY_JOB, PRICE_DAY_CRON);
  await platform.jobs.schedule(EXPIRE_PAYMENTS_JOB, EXPIRE_PAYMENTS_CRON);
  await platform.jobs.schedule(RETRY_CHARGES_JOB, RETRY_CHARGES_CRON);
}

/** The demo validators registered in this database (active ones), with their real secrets and their routes' stops. */
export async function registeredFleet(platform: Platform): Promise<SimulatedValidator[]> {
  const db = platform.database.db;
  const stops = new Map<string, string[]>();
  const out: SimulatedValidator[] = [];
  for (const d of await demoValidators(db)) {
    const v = await findValidator(db, d.id);
    if (!v?.active) continue;
    let stopIds: string[] = [];
    if (v.kind === 'vehicle' && v.routeId) {
      if (!stops.has(v.routeId)) stops.set(v.routeId, (await routeStops(db, v.routeId)).map((s) => s.stopId));
      stopIds = stops.get(v.routeId) ?? [];
    }
    out.push({ id: v.id, secret: await validatorSecret(db, platform.secrets, v.id), ...(v.routeId ? { routeId: v.routeId } : {}), stopIds });
  }
  // Buses and gates mixed, so a small fleet has both.
  const buses = out.filter((v) => v.stopIds.length > 0);
  const gates = out.filter((v) => v.stopIds.length === 0);
  const mixed: SimulatedValidator[] = [];
  for (let i = 0; i < Math.max(buses.length, gates.length); i++) mixed.push(...[buses[i], gates[i]].filter((x): x is SimulatedValidator => x !== undefined));
  return mixed;
}

/** `egov transit simulate --database`: the registered validators tap into this database through the real ingest. */
export async function simulateIntoDatabase(platform: Platform, options: Omit<SimulationOptions, 'registered'>): Promise<SimulationReport & { fleet: number }> {
  const fleet = await registeredFleet(platform);
  const r = await simulateTraffic({
    ...options,
    // Its own client id: an app running its centre on the same broker keeps its session.
    registered: { fleet, sink: (batch) => ingestTaps(platform, batch), lists: centreLists(platform), centreClientId: 'egov-centre-simulator' },
  });
  return { ...r, fleet: Math.min(fleet.length, options.validators) };
}
