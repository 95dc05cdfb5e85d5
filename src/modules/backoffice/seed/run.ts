// Writing a generated year: batches from generate.ts, each written by write.ts in its own transaction.
import { addDays, type IsoDate, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { loadContext } from './context.ts';
import { generate, type Scenario } from './generate.ts';
import { STATUSES } from './rows.ts';
import { type BatchCounts, writeBatch } from './repo.ts';

export interface SeedOptions {
  count: number;
  /** The same seed, `now` and database give the same dossiers. */
  seed?: number;
  /** The end of the year generated (default: now). */
  now?: Date;
  /** First day of receipt (default: a year before `now`). */
  from?: IsoDate;
  focus?: Record<string, number>;
  scenarios?: readonly Scenario[];
  /** Tail procedures per level (all by default). */
  tail?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport extends BatchCounts {
  /** Every row written, all tables. */
  rows: number;
  ms: number;
  from: IsoDate;
  to: IsoDate;
  byStatus: Record<string, number>;
}

export async function seedDossiers(platform: Platform, opts: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const to = vietnamDateOf(now);
  const from = opts.from ?? addDays(to, -364);
  const seed = opts.seed ?? 1;
  const ctx = await loadContext(platform, { seed, now, from, ...(opts.tail === undefined ? {} : { tail: opts.tail }) });
  const postgres = platform.database.kind === 'postgres';
  const batchSize = opts.batchSize ?? (postgres ? 4000 : 1500);
  const total = opts.count + (opts.scenarios ?? []).reduce((s, sc) => s + (sc.count ?? 1), 0);
  const report: SeedReport = { dossiers: 0, events: 0, supplements: 0, consultations: 0, ratings: 0, payments: 0, rows: 0, ms: 0, from, to, byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) };
  // PostgreSQL writes one batch while the next is generated (2 cores: one for the server, one for us); PGlite has one connection.
  const inFlight: Promise<void>[] = [];
  const db = platform.database.db;
  let failed: unknown;
  for (const batch of generate(ctx, { count: opts.count, from, batchSize, ...(opts.focus ? { focus: opts.focus } : {}), ...(opts.scenarios ? { scenarios: opts.scenarios } : {}) })) {
    for (const g of batch) for (const d of g.dossiers) report.byStatus[d.row.status] = (report.byStatus[d.row.status] ?? 0) + 1;
    const write = writeBatch(db, batch).then((c) => {
      for (const k of ['dossiers', 'events', 'supplements', 'consultations', 'ratings', 'payments'] as const) report[k] += c[k];
      opts.onProgress?.(report.dossiers, total);
    });
    write.catch((err: unknown) => (failed ??= err));
    inFlight.push(write);
    if (inFlight.length >= (postgres ? 2 : 1)) await inFlight.shift()?.catch(() => undefined);
    if (failed) break;
  }
  await Promise.allSettled(inFlight);
  if (failed) throw failed;
  report.rows = report.dossiers + report.events + report.supplements + report.consultations + report.ratings + report.payments;
  await recordAudit(db, { actor: { id: null, label: 'seed' }, action: 'dossiers.seed', entity: 'dossier', data: { count: report.dossiers, seed, from, to, rows: report.rows } });
  report.ms = performance.now() - started;
  return report;
}
