// Group commit of applications (issue 11 "The rush": "many applications in one short transaction, each acknowledged
// only after it commits"; docs/rush.md). One writer per database and process: concurrent submissions are gathered
// into one transaction that inserts them in one statement with their audit rows and confirmation mails; each
// caller's promise resolves after COMMIT. A batch that fails (a child who applied twice at once) is retried item by
// item by the group committer, so only the bad item fails, with its own database error for the service to map.
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { recordAudits, type AuditEntry } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import { createGroupCommitter, type GroupCommitter } from '../../platform/db/group-commit.ts';
import type { MailMessage } from '../../platform/notify/mailer.ts';
import type { ApplicationRow } from './repo.ts';
import { rushRepo, type NewApplicationRow } from './repo-rush.ts';
import { admissionDb } from './tables.ts';

export const NOTIFY_JOB = 'admissions.notify';

export interface NewApplication extends NewApplicationRow {
  ip: string | null;
  /** What the audit row records beside the application number. */
  auditData: Record<string, unknown>;
  /** The confirmation mail for the committed row, or null (no address given). */
  mailFor: (row: ApplicationRow) => MailMessage | null;
}

/** The committed row, or null when the idempotency key was already taken (the caller then replays it). */
export type Written = ApplicationRow | null;

const writers = new WeakMap<object, GroupCommitter<NewApplication, Written>>();

/** Batches of at most this many applications; the rush's measured sweet spot on the 2-core machine (bench/admission). */
const MAX_BATCH = 200;

export function applicationWriter(platform: Platform): GroupCommitter<NewApplication, Written> {
  let w = writers.get(platform.database);
  if (w) return w;
  w = createGroupCommitter<PlatformTables, NewApplication, Written>({
    db: platform.database.db,
    maxBatch: MAX_BATCH,
    maxWaitMs: 2,
    // PGlite has one connection; on PostgreSQL a few batches overlap (one flushes while the next is built).
    concurrency: platform.database.kind === 'postgres' ? 4 : 1,
    run: async (trx, items) => {
      const rows = await rushRepo.insertApplications(admissionDb(trx), items);
      const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
      // Two items with one key in one batch: the first for that child gets the row; the other replays it after.
      const results: Written[] = items.map((item) => {
        const row = byKey.get(item.idempotencyKey);
        if (!row || row.childId !== item.childId) return null;
        byKey.delete(item.idempotencyKey);
        return row;
      });
      const audits: AuditEntry[] = [];
      const mails: MailMessage[] = [];
      for (const [i, row] of results.entries()) {
        if (!row) continue;
        const item = items[i] as NewApplication;
        audits.push({ actor: { id: null, label: 'parent' }, action: 'admissions.apply', entity: 'admission_application', entityId: row.applicationNo, ip: item.ip, data: item.auditData });
        const mail = item.mailFor(row);
        if (mail) mails.push(mail);
      }
      await recordAudits(trx, audits);
      // The batch's confirmations in one insert, and one job that wakes the sender for all of them.
      await platform.mailer.enqueueMany(trx, mails);
      if (mails.length > 0) await platform.jobs.send(NOTIFY_JOB, { mails: mails.length }, trx as unknown as Kysely<unknown>);
      return results;
    },
  });
  writers.set(platform.database, w);
  return w;
}
