// The exchange axis seen from this instance (liên thông văn bản, QCVN 102:2016): which transport the configuration
// names (EGOV_DOCUMENT_EXCHANGE), which agencies this instance serves, the outbox of packets going out (every packet
// is recorded in exchange_packets before it is sent; one the transport refused stays 'failed' and the job sends it
// again, a bounded number of times), and the status packets: sent back to the issuer of a document that came over
// the axis (assigned, handling, done), to the receivers of a document recalled here, and read when they arrive.
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Agency, findAgencyByCode, findAgencyById, listAgencies } from '../units/index.ts';
import {
  buildStatusPacket,
  EdxmlError,
  folderTransport,
  httpTransport,
  parseDocumentPacket,
  parseStatusPacket,
  StatusCode,
  type EdxmlStatus,
  type ExchangeTransport,
  type Organ,
  type StatusName,
} from './edxml/index.ts';
import { type DocumentRow, documentsDb, documentsRepo } from './repo.ts';

// ---------------------------------------------------------------------------------------------------------------
// Configuration

const overrides = new WeakMap<Platform, ExchangeTransport>();
const configured = new WeakMap<Platform, ExchangeTransport>();

/** Tests put their own transport in place of the configured one (e.g. one that fails). */
export function useExchangeTransport(platform: Platform, transport: ExchangeTransport): void {
  overrides.set(platform, transport);
}

/** The transport of EGOV_DOCUMENT_EXCHANGE, or null when the exchange is off. */
export function exchangeTransport(platform: Platform): ExchangeTransport | null {
  const override = overrides.get(platform);
  if (override) return override;
  const c = platform.config.documentExchange;
  if (!c) return null;
  let t = configured.get(platform);
  if (!t) {
    t = c.transport === 'folder' ? folderTransport(c.folder) : httpTransport({ baseUrl: c.url, token: c.token });
    configured.set(platform, t);
  }
  return t;
}

/** On this platform: an active agency, and, when EGOV_DOCUMENT_EXCHANGE_AGENCIES lists codes, one of them (several
 *  instances share the agency list; each serves its own). With the exchange off every agency found is, as before. */
export function servesAgency(platform: Platform, agency: Agency): boolean {
  if (!exchangeTransport(platform)) return true;
  const only = platform.config.documentExchangeAgencies;
  return agency.active && (only === undefined || only.includes(agency.code));
}

/** The agencies whose inboxes this instance reads. */
export async function servedAgencies(platform: Platform): Promise<Agency[]> {
  return (await listAgencies(platform.database.db)).filter((a) => servesAgency(platform, a));
}

export function organOf(a: Agency): Organ {
  const o: Organ = { id: a.code, name: a.name };
  if (a.address) o.address = a.address;
  if (a.email) o.email = a.email;
  if (a.phone) o.phone = a.phone;
  return o;
}

/** The DocumentId of a document issued here: the agency's code and the row's id, unique across instances. */
export const exchangeDocumentId = (agencyCode: string, documentId: number): string => `${agencyCode}:${documentId}`;

function ownDocumentId(agency: Agency, exchangeId: string): number | null {
  const prefix = `${agency.code}:`;
  if (!exchangeId.startsWith(prefix)) return null;
  const rest = exchangeId.slice(prefix.length);
  return /^\d{1,15}$/.test(rest) ? Number(rest) : null;
}

/** Why something failed, in one line for exchange_packets.reason and the log. */
export function reasonOf(err: unknown): string {
  if (err instanceof EdxmlError) return `${err.reason}: ${err.message}`;
  if (err instanceof AppError) return [`${err.code}: ${err.text.vi}`, ...err.fields.map((f) => `${f.field}: ${f.message.vi}`)].join(' — ');
  return err instanceof Error ? err.message : String(err);
}

/** Attachments' bytes are kept in document_files; a packet row handled well keeps its XML without them. */
export const withoutContent = (xml: string): string => xml.replace(/(<(?:[\w.-]+:)?ContentTransferEncoded>)[^<]*(<\/(?:[\w.-]+:)?ContentTransferEncoded>)/g, '$1$2');

// ---------------------------------------------------------------------------------------------------------------
// Outbox

/** Sends are tried this many times, waiting 1, 2, 4… minutes (at most an hour) between tries: about 15 hours. */
export const MAX_SEND_ATTEMPTS = 20;
const PENDING = 'attempt 0: not sent yet';
const attemptsOf = (reason: string | null): number => Number(/^attempt (\d+)/.exec(reason ?? '')?.[1] ?? MAX_SEND_ATTEMPTS);
const backoffMs = (attempts: number): number => Math.min(2 ** Math.max(attempts - 1, 0), 60) * 60_000;

export interface OutPacket {
  agencyId: number;
  kind: 'document' | 'status';
  documentId: number | null;
  packetId: string;
  to: string[];
  xml: string;
}

/** Records the packet (as not sent yet, so a crash leaves it for the job), sends it and records the outcome. A
 *  transport that fails leaves it 'failed' with the reason, for retryOutbox. True when it went out. */
export async function sendOut(platform: Platform, p: OutPacket, now = new Date()): Promise<boolean> {
  const db = documentsDb(platform.database.db);
  const row = await db
    .insertInto('exchange_packets')
    .values({ agency_id: p.agencyId, direction: 'out', packet_id: p.packetId, kind: p.kind, document_id: p.documentId, status: 'failed', reason: PENDING, xml: p.xml, at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return attempt(platform, { id: row.id, kind: p.kind, document_id: p.documentId, packet_id: p.packetId, xml: p.xml, reason: PENDING }, p.to, now);
}

async function attempt(
  platform: Platform,
  row: { id: number; kind: string; document_id: number | null; packet_id: string; xml: string; reason: string | null },
  to: string[],
  now: Date,
): Promise<boolean> {
  const db = documentsDb(platform.database.db);
  const transport = exchangeTransport(platform);
  const n = attemptsOf(row.reason) + 1;
  try {
    if (!transport) throw new Error('the exchange is not configured (EGOV_DOCUMENT_EXCHANGE)');
    await transport.send({ id: row.packet_id, to, xml: row.xml });
  } catch (err) {
    const gaveUp = n >= MAX_SEND_ATTEMPTS;
    const reason = `attempt ${n}: ${reasonOf(err)}${gaveUp ? ' (given up)' : ''}`.slice(0, 2000);
    await db.updateTable('exchange_packets').set({ status: 'failed', reason, at: now }).where('id', '=', row.id).execute();
    if (row.kind === 'document' && row.document_id !== null) {
      await db
        .updateTable('document_recipients')
        .set({ status: gaveUp ? 'failed' : 'queued', status_at: now })
        .where('document_id', '=', row.document_id)
        .where('kind', '=', 'exchange')
        .where('organ_code', 'in', to)
        .where('sent_at', 'is', null)
        .execute();
    }
    platform.log?.warn({ packet: row.packet_id, to, reason }, 'exchange packet not sent');
    return false;
  }
  await db.updateTable('exchange_packets').set({ status: 'ok', reason: null, xml: withoutContent(row.xml), at: now }).where('id', '=', row.id).execute();
  if (row.kind === 'document' && row.document_id !== null) {
    await db
      .updateTable('document_recipients')
      .set({ status: 'sent', status_at: now, sent_at: now })
      .where('document_id', '=', row.document_id)
      .where('kind', '=', 'exchange')
      .where('organ_code', 'in', to)
      .where('sent_at', 'is', null)
      .execute();
  }
  return true;
}

/** The receivers written in a packet of ours. */
function receiversOf(kind: string, xml: string): string[] {
  return kind === 'document' ? parseDocumentPacket(xml).to.map((o) => o.id) : [parseStatusPacket(xml).to];
}

/** Sends again the packets going out that failed, each when its wait is over and at most MAX_SEND_ATTEMPTS times. A
 *  document recalled meanwhile is not sent any more. */
export async function retryOutbox(platform: Platform, now = new Date()): Promise<{ sent: number; failed: number }> {
  if (!exchangeTransport(platform)) return { sent: 0, failed: 0 };
  const db = documentsDb(platform.database.db);
  const rows = await db
    .selectFrom('exchange_packets')
    .select(['id', 'kind', 'document_id', 'packet_id', 'xml', 'reason', 'at'])
    .where('direction', '=', 'out')
    .where('status', '=', 'failed')
    .where('reason', 'like', 'attempt %')
    .where('reason', 'not like', '%(given up%')
    .orderBy('id')
    .limit(200)
    .execute();
  const result = { sent: 0, failed: 0 };
  for (const row of rows) {
    const n = attemptsOf(row.reason);
    if (n >= MAX_SEND_ATTEMPTS || new Date(row.at).getTime() + backoffMs(n) > now.getTime()) continue;
    if (row.kind === 'document' && row.document_id !== null && (await documentsRepo.find(db, row.document_id))?.state !== 'issued') {
      await db.updateTable('exchange_packets').set({ reason: `${row.reason} (given up: the document is no longer issued)` }).where('id', '=', row.id).execute();
      continue;
    }
    let to: string[];
    try {
      to = receiversOf(row.kind, row.xml);
    } catch (err) {
      await db.updateTable('exchange_packets').set({ reason: `${row.reason} (given up: ${reasonOf(err)})`.slice(0, 2000) }).where('id', '=', row.id).execute();
      continue;
    }
    if (await attempt(platform, row, to, now)) result.sent++;
    else result.failed++;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Status packets going out

const STAFF = (u: SessionUser | null) => (u ? { staff: { name: u.displayName } } : {});

/** A status about `documentId` (the issuer's DocumentId) from our agency to `to`; never throws for the transport. */
export async function sendStatus(
  platform: Platform,
  agency: Agency,
  o: { to: string; documentId: string; status: StatusName; localId: number | null; description?: string; documentCode?: string; documentDate?: string; user?: SessionUser | null },
  now = new Date(),
): Promise<boolean> {
  const xml = buildStatusPacket({
    documentId: o.documentId,
    from: organOf(agency),
    to: o.to,
    status: o.status,
    timestamp: now,
    ...(o.description ? { description: o.description } : {}),
    ...(o.documentCode ? { documentCode: o.documentCode } : {}),
    ...(o.documentDate ? { documentDate: o.documentDate } : {}),
    ...STAFF(o.user ?? null),
  });
  const packetId = `${agency.code}:status:${StatusCode[o.status].code}:${randomUUID()}`;
  return sendOut(platform, { agencyId: agency.id, kind: 'status', documentId: o.localId, packetId, to: [o.to], xml }, now);
}

const code = (d: DocumentRow): string | undefined => (d.number !== null && d.notation ? `${d.number}/${d.notation}` : undefined);

/** After an incoming document that came over the axis is assigned, taken up or done (after the commit): the issuer
 *  is told. A failure to send is recorded for the job; the local change stands. */
export async function reportToSender(platform: Platform, doc: DocumentRow, status: 'assigned' | 'handling' | 'done', user: SessionUser | null, now = new Date()): Promise<void> {
  if (doc.direction !== 'in' || !doc.exchange_id || !doc.author_code || !exchangeTransport(platform)) return;
  try {
    const agency = await findAgencyById(platform.database.db, doc.agency_id);
    if (!agency) return;
    const documentCode = code(doc);
    await sendStatus(platform, agency, { to: doc.author_code, documentId: doc.exchange_id, status, localId: doc.id, user, ...(documentCode ? { documentCode } : {}), ...(doc.document_date ? { documentDate: doc.document_date } : {}) }, now);
  } catch (err) {
    platform.log?.error({ err, document: doc.id, status }, 'exchange status not recorded');
  }
}

/** After a document with receivers over the axis is recalled here (after the commit): each is asked it back (13). */
export async function recallOverExchange(platform: Platform, doc: DocumentRow, reason: string, user: SessionUser | null, now = new Date()): Promise<void> {
  if (!exchangeTransport(platform)) return;
  const db = documentsDb(platform.database.db);
  const receivers = (await documentsRepo.recipients(db, doc.id)).filter((r) => r.kind === 'exchange' && r.sent_at !== null && r.organ_code);
  if (receivers.length === 0) return;
  const agency = await findAgencyById(platform.database.db, doc.agency_id);
  if (!agency) return;
  const documentCode = code(doc);
  for (const r of receivers) {
    try {
      await sendStatus(
        platform,
        agency,
        { to: r.organ_code!, documentId: exchangeDocumentId(agency.code, doc.id), status: 'recalled', localId: doc.id, description: reason, user, ...(documentCode ? { documentCode } : {}), ...(doc.document_date ? { documentDate: doc.document_date } : {}) },
        now,
      );
    } catch (err) {
      platform.log?.error({ err, document: doc.id, to: r.organ_code }, 'exchange recall not recorded');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Status packets coming in about documents issued here

/** A receiver's status about a document we issued: its recipient row takes the status and its time, and the document
 *  shows an event. Returns the document's id; a status about no document of ours is refused (kept in failed/). */
export async function applyStatus(platform: Platform, agency: Agency, s: EdxmlStatus): Promise<number> {
  const db = documentsDb(platform.database.db);
  const id = ownDocumentId(agency, s.documentId);
  const doc = id === null ? undefined : await documentsRepo.find(db, id);
  if (!doc || doc.agency_id !== agency.id || doc.direction !== 'out') throw new Error(`status ${StatusCode[s.status].code} about ${s.documentId}: no document issued here by ${agency.code}`);
  const at = new Date(s.timestamp);
  const sender = (await findAgencyByCode(platform.database.db, s.from.id))?.name ?? s.from.name;
  const label = StatusCode[s.status].vi;
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('document_recipients').selectAll().where('document_id', '=', doc.id).where('kind', '=', 'exchange').where('organ_code', '=', s.from.id).forUpdate().executeTakeFirst();
    if (!row) throw new Error(`status ${StatusCode[s.status].code} about ${s.documentId}: ${s.from.id} is not one of its receivers`);
    // Packets may cross: an older status never overwrites a newer one, but every one is in the history.
    if (row.status_at === null || new Date(row.status_at).getTime() <= at.getTime() || row.status === 'sent' || row.status === 'queued') {
      await trx.updateTable('document_recipients').set({ status: s.status, status_at: at }).where('id', '=', row.id).execute();
    }
    const note = s.description && s.description !== label ? `${label}: ${s.description}` : label;
    await documentsRepo.addEvent(trx, doc.id, 'status', note, { id: null, label: `Trục liên thông: ${sender}${s.staff ? ` (${s.staff.name})` : ''}` }, at);
  });
  return doc.id;
}
