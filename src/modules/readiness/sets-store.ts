// Indicator sets as versioned rows (issue 14: "a set per year and per group of units … sets change every year";
// migrations/0045_readiness_sets.sql). A row is never changed: a changed set is a new version of its id, so a cycle
// opened on a version keeps scoring by that content. Shipped files are loaded at start when their content is not stored
// yet; the reviewing office imports new sets. The only code that touches readiness_sets.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/access.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireReadinessStaff, requireReviewer } from './access.ts';
import { ReadinessErrors } from './errors.ts';
import { audit, type ReadinessDb } from './repo.ts';
import { checkSet, type IndicatorSet, type LoadedSet, loadSet, type PeerGroup, type SetIssue, SHIPPED_SETS } from './sets.ts';

interface SetsTable {
  id: string;
  version: number;
  year: number;
  peer_group: PeerGroup;
  content: unknown;
  sha256: string;
  plausible: boolean;
  loaded_at: Generated<Date>;
  loaded_by: number | null;
  note: string | null;
}
export type SetRow = Selectable<SetsTable>;
export type SetInfo = Omit<SetRow, 'content'>;
type SetsDb = Kysely<PlatformTables & { readiness_sets: SetsTable }>;
const setsDb = (db: ReadinessDb | Kysely<PlatformTables>): SetsDb => (db as Kysely<PlatformTables>).withTables<{ readiness_sets: SetsTable }>();

/** The largest set file accepted (the shipped ones are about 60 kB). */
export const MAX_SET_BYTES = 2 * 1024 * 1024;

/** JSON with keys in order, so that the same content has the same hash whatever the file's layout. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
export const contentHash = (raw: unknown): string => createHash('sha256').update(canonical(raw)).digest('hex');

const INFO = ['id', 'version', 'year', 'peer_group', 'sha256', 'plausible', 'loaded_at', 'loaded_by', 'note'] as const;

/** Stores a checked set as the next version of its id, unless this content is stored already (returns undefined). */
async function storeVersion(trx: SetsDb, raw: unknown, set: IndicatorSet, by: number | null, note: string | null): Promise<SetInfo | undefined> {
  const sha256 = contentHash(raw);
  const same = await trx.selectFrom('readiness_sets').select('version').where('id', '=', set.id).where('sha256', '=', sha256).executeTakeFirst();
  if (same) return undefined;
  const last = await trx.selectFrom('readiness_sets').select((eb) => eb.fn.max('version').as('v')).where('id', '=', set.id).executeTakeFirst();
  const row = { id: set.id, version: Number(last?.v ?? 0) + 1, year: set.year, peer_group: set.peerGroup, content: JSON.stringify(raw), sha256, plausible: set.plausible, loaded_by: by, note };
  // Two starts at once: the second's insert conflicts and it stores nothing.
  return trx.insertInto('readiness_sets').values(row).onConflict((oc) => oc.doNothing()).returning(INFO).executeTakeFirst();
}

/** Loads each shipped file (data/readiness/) whose content is not stored under its id: a changed file is a new version. */
export async function seedShippedSets(platform: Platform, files: readonly string[] = Object.values(SHIPPED_SETS)): Promise<void> {
  const db = setsDb(platform.database.db);
  for (const path of files) {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const { set } = loadSet(raw);
    await db.transaction().execute((trx) => storeVersion(trx, raw, set, null, null));
  }
}

const cache = new Map<string, LoadedSet>();
/** One version of a set, checked once per process: a row never changes (the trigger refuses updates). */
export async function loadVersion(db: ReadinessDb | Kysely<PlatformTables>, id: string, version: number): Promise<LoadedSet> {
  const key = `${id}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await setsDb(db).selectFrom('readiness_sets').select('content').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!row) throw ReadinessErrors.SET_NOT_FOUND({ details: { id, version } });
  const loaded = loadSet(row.content);
  cache.set(key, loaded);
  return loaded;
}

/** The latest version of a set id (for a new cycle), or SET_NOT_FOUND. */
export async function latestVersion(db: ReadinessDb | Kysely<PlatformTables>, id: string): Promise<{ version: number; loaded: LoadedSet }> {
  const row = typeof id === 'string' && id.length <= 100
    ? await setsDb(db).selectFrom('readiness_sets').select('version').where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst()
    : undefined;
  if (!row) throw ReadinessErrors.SET_NOT_FOUND({ details: { id } });
  return { version: row.version, loaded: await loadVersion(db, id, row.version) };
}

export interface SetSummary {
  id: string;
  year: number;
  peerGroup: PeerGroup;
  /** Oldest first. */
  versions: SetInfo[];
}

/** Every set with its versions, the newest year first (readiness staff). */
export async function listSets(platform: Platform, actor: Actor): Promise<SetSummary[]> {
  requireReadinessStaff(actor);
  const rows = await setsDb(platform.database.db).selectFrom('readiness_sets').select(INFO).orderBy('year', 'desc').orderBy('id').orderBy('version').execute();
  const out = new Map<string, SetSummary>();
  for (const r of rows) {
    const s = out.get(r.id) ?? { id: r.id, year: r.year, peerGroup: r.peer_group, versions: [] };
    s.versions.push(r);
    out.set(r.id, s);
  }
  return [...out.values()];
}

/** One version of a set (the latest when none is asked for) with the list of its versions (readiness staff). */
export async function setVersion(platform: Platform, actor: Actor, id: string, version?: number): Promise<{ info: SetInfo; versions: SetInfo[]; loaded: LoadedSet }> {
  requireReadinessStaff(actor);
  const versions = await setsDb(platform.database.db).selectFrom('readiness_sets').select(INFO).where('id', '=', id).orderBy('version').execute();
  const info = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!info) throw ReadinessErrors.SET_NOT_FOUND({ details: { id, version } });
  return { info, versions, loaded: await loadVersion(platform.database.db, id, info.version) };
}

/** A refusal listing every issue, each naming its indicator (or group, figure, rule). */
function invalid(issues: SetIssue[]) {
  const head = issues.slice(0, 5);
  return ReadinessErrors.SET_INVALID({
    details: { issues },
    vi: `Bộ chỉ số không hợp lệ: ${head.map((i) => i.vi).join('; ')}${issues.length > 5 ? '…' : ''}`,
    en: `The indicator set is not valid: ${head.map((i) => i.en).join('; ')}${issues.length > 5 ? '…' : ''}`,
  });
}

/** The office imports a set (the JSON text of a file): checked in full, refused with every issue named, or stored as
 *  the next version of its id with an audit row. A new version keeps the id's year and peer group. */
export async function importSet(platform: Platform, actor: Actor, json: string, note = '', ip: string | null = null): Promise<SetInfo> {
  const user = requireReviewer(actor);
  if (typeof json !== 'string' || json.trim() === '' || Buffer.byteLength(json) > MAX_SET_BYTES) throw ReadinessErrors.SET_FILE();
  // PostgreSQL's jsonb holds no NUL character (escaped or not).
  if (json.includes('\u0000') || /\\u0000/i.test(json)) throw invalid([{ where: '(set)', vi: '(set): tệp chứa ký tự NUL', en: '(set): the file holds a NUL character' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    const why = (err as Error).message.slice(0, 200);
    throw invalid([{ where: '(set)', vi: `(set): tệp không phải JSON hợp lệ (${why})`, en: `(set): the file is not valid JSON (${why})` }]);
  }
  const r = checkSet(raw);
  if (!r.ok) throw invalid(r.issues);
  const set = r.loaded.set;
  const why = note.trim().slice(0, 2000) || null;
  const db = setsDb(platform.database.db);
  const stored = await db.transaction().execute(async (trx) => {
    const first = await trx.selectFrom('readiness_sets').select(['year', 'peer_group']).where('id', '=', set.id).orderBy('version').limit(1).executeTakeFirst();
    if (first && (first.year !== set.year || first.peer_group !== set.peerGroup)) {
      throw invalid([{
        where: '(set)',
        vi: `(set): bộ "${set.id}" là của năm ${first.year}, nhóm ${first.peer_group}; phiên bản mới phải giữ năm và nhóm đơn vị (đặt mã bộ khác cho năm khác)`,
        en: `(set): set "${set.id}" is for ${first.year}, ${first.peer_group}; a new version keeps the year and peer group (give another year's set another id)`,
      }]);
    }
    const row = await storeVersion(trx, raw, set, user.id, why);
    if (!row) throw ReadinessErrors.SET_UNCHANGED();
    await audit(trx as unknown as ReadinessDb, { actor: user, action: 'readiness.set_imported', entity: 'readiness_set', entityId: `${row.id}@${row.version}`, ip, data: { id: row.id, version: row.version, sha256: row.sha256, year: row.year, peerGroup: row.peer_group, note: why } });
    return row;
  });
  return stored;
}
