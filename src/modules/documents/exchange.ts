// Exchange of documents with agencies not on this platform over the national document exchange axis (liên thông văn
// bản, QCVN 102:2016 edXML). Off unless EGOV_DOCUMENT_EXCHANGE names a folder or a relay URL; then:
//   - sending: an issued document addressed (`@<code>` in its recipients) to an agency this instance does not serve
//     goes out as one document packet (signed PDF and attachments inside) to those organ ids, with a recipient row of
//     kind 'exchange' each and the packet in exchange_packets (its DocumentId `<agency code>:<document id>`);
//   - receiving (pollExchange, every minute from the job): each served agency's inbox is drained; a document is
//     registered in its incoming book by the system and answered 'received' (01), a duplicate is acknowledged only,
//     a status updates the recipient row of the document it is about, a recall (13) from the issuer recalls the copy
//     registered here and is answered 15; a packet that does not parse or cannot be taken in is kept with its reason
//     (exchange_packets 'failed', the file in failed/) and the poll goes on;
//   - statuses back and the outbox: exchange-status.ts.
// Which agencies this instance serves: the active ones, or those EGOV_DOCUMENT_EXCHANGE_AGENCIES lists.
import type { Platform } from '../../platform/http/context.ts';
import { verifyPdfSignatures } from '../../platform/pdf/signature.ts';
import { AGENCY_CODE, type Agency, findAgencyByCode } from '../units/index.ts';
import { buildDocumentPacket, drainInbox, packetKind, StatusCode, type EdxmlDocument, type EdxmlStatus, type ExchangeTransport, type IncomingPacket } from './edxml/index.ts';
import { applyStatus, exchangeDocumentId, exchangeTransport, organOf, reasonOf, retryOutbox, sendOut, sendStatus, servedAgencies, withoutContent } from './exchange-status.ts';
import { checkFiles, type SignatureChecker, type SignatureSummary } from './files.ts';
import { registerIncoming } from './incoming.ts';
import { audit, type DocumentRow, documentsDb, documentsRepo } from './repo.ts';
import { documentType } from './types.ts';

export { exchangeTransport, retryOutbox, servesAgency, servedAgencies, useExchangeTransport, MAX_SEND_ATTEMPTS } from './exchange-status.ts';

/** The place of issue written in packets (PromulgationInfo/Place): the platform is the city's. */
const PLACE = 'Hà Nội';

/** Signatures of the PDFs that arrive, checked and kept with the file like an upload's. */
export const checkPdfSignatures: SignatureChecker = async (pdf) => verifyPdfSignatures(pdf) as unknown as SignatureSummary[];

const linesOf = (recipients: string): string[] =>
  recipients
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('@'));

// ---------------------------------------------------------------------------------------------------------------
// Sending

/** Sends an issued document to the agencies (13-character codes) not on this platform; called after the issue
 *  commits. A packet the transport refuses is kept for the job; nothing here undoes the issue. */
export async function sendOverExchange(platform: Platform, doc: DocumentRow, agency: Agency, codes: readonly string[], now = new Date()): Promise<void> {
  if (!exchangeTransport(platform) || codes.length === 0) return;
  const db = documentsDb(platform.database.db);
  const already = new Set((await documentsRepo.recipients(db, doc.id)).filter((r) => r.kind === 'exchange').map((r) => r.organ_code));
  const receivers: { code: string; name: string; agencyId: number | null }[] = [];
  for (const code of new Set(codes)) {
    if (already.has(code)) continue;
    if (!AGENCY_CODE.test(code)) {
      platform.log?.warn({ document: doc.id, code }, 'exchange: a recipient code that is not a 13-character agency code is skipped');
      continue;
    }
    const known = await findAgencyByCode(platform.database.db, code);
    receivers.push({ code, name: known?.name ?? code, agencyId: known?.id ?? null });
  }
  if (receivers.length === 0) return;
  const to = receivers.map((r) => r.code);
  await db
    .insertInto('document_recipients')
    .values(receivers.map((r) => ({ document_id: doc.id, kind: 'exchange' as const, agency_id: r.agencyId, organ_code: r.code, name: r.name, sent_at: null, status: 'queued', status_at: now })))
    .execute();
  const packetId = exchangeDocumentId(agency.code, doc.id);
  const refuse = async (reason: string): Promise<void> => {
    await db.insertInto('exchange_packets').values({ agency_id: agency.id, direction: 'out', packet_id: packetId, kind: 'document', document_id: doc.id, status: 'failed', reason, xml: '', at: now }).execute();
    await db.updateTable('document_recipients').set({ status: 'failed', status_at: now }).where('document_id', '=', doc.id).where('kind', '=', 'exchange').where('organ_code', 'in', to).execute();
    platform.log?.warn({ document: doc.id, to, reason }, 'exchange: document not sent');
  };
  // State secrets (Mật) do not travel over the public exchange axis.
  if (doc.secrecy === 'confidential') return refuse('not sent: a confidential document does not go over the exchange axis');
  let xml: string;
  try {
    xml = await documentPacket(platform, doc, agency, receivers, now);
  } catch (err) {
    return refuse(`not built: ${reasonOf(err)}`);
  }
  await sendOut(platform, { agencyId: agency.id, kind: 'document', documentId: doc.id, packetId, to, xml }, now);
}

async function documentPacket(platform: Platform, doc: DocumentRow, agency: Agency, receivers: { code: string; name: string }[], now: Date): Promise<string> {
  const db = documentsDb(platform.database.db);
  const files = (await documentsRepo.files(db, doc.id)).filter((x) => x.kind === 'signed' || x.kind === 'attachment');
  const attachments = await Promise.all(
    files.map(async (x) => ({
      name: x.name,
      mimeType: x.mime,
      content: (await documentsRepo.file(db, doc.id, x.id))!.content,
      ...(x.kind === 'signed' ? { description: 'Bản chính đã ký số' } : {}),
    })),
  );
  const type = documentType(doc.type_code);
  const packet: EdxmlDocument = {
    documentId: exchangeDocumentId(agency.code, doc.id),
    from: organOf(agency),
    to: receivers.map((r) => ({ id: r.code, name: r.name })),
    numberNotation: { number: String(doc.number), notation: doc.notation ?? '' },
    place: PLACE,
    date: doc.document_date!,
    type: { code: type?.code ?? 'CV', name: type?.vi ?? 'Công văn' },
    subject: doc.summary,
    signer: { position: doc.signer_position || 'Người ký', fullName: doc.signer_name || agency.name, ...(doc.signer_competence ? { competence: doc.signer_competence } : {}) },
    dueDate: doc.due_date,
    urgency: doc.urgency as EdxmlDocument['urgency'],
    pageCount: doc.page_count ?? 1,
    copies: doc.copies,
    toPlaces: [...linesOf(doc.recipients), ...receivers.map((r) => r.name)],
    attachments,
  };
  if (doc.body) packet.content = doc.body;
  return buildDocumentPacket(packet, { now });
}

// ---------------------------------------------------------------------------------------------------------------
// Receiving

export interface PollReport {
  agencies: number;
  registered: number;
  duplicates: number;
  statuses: number;
  recalled: number;
  failed: { agency: string; packet: string; reason: string }[];
}

/** Takes in what waits in the inbox of every agency this instance serves (see the file's head). */
export async function pollExchange(platform: Platform, now = new Date()): Promise<PollReport> {
  const report: PollReport = { agencies: 0, registered: 0, duplicates: 0, statuses: 0, recalled: 0, failed: [] };
  const transport = exchangeTransport(platform);
  if (!transport) return report;
  for (const agency of await servedAgencies(platform)) {
    report.agencies++;
    try {
      await drainInbox(keepingRefused(platform, agency, transport, report), agency.code, {
        onDocument: async (d, p) => {
          const outcome = await takeDocument(platform, agency, d, p, now);
          if (outcome === 'registered') report.registered++;
          else report.duplicates++;
        },
        onStatus: async (s, p) => {
          if (s.to !== agency.code) throw new Error(`status addressed to ${s.to}, found in the inbox of ${agency.code}`);
          if (s.status === 'recalled') {
            await recallCopy(platform, agency, s, p, now);
            report.recalled++;
          } else {
            await recordIn(platform, agency, p, 'status', await applyStatus(platform, agency, s), now);
            report.statuses++;
          }
        },
      });
    } catch (err) {
      // The transport itself failed (relay down, folder unreadable): the next poll tries again.
      report.failed.push({ agency: agency.code, packet: '', reason: reasonOf(err) });
      platform.log?.error({ err, agency: agency.code }, 'exchange: inbox not read');
    }
  }
  return report;
}

/** The transport, whose refusals are first recorded here (exchange_packets 'failed' with the reason and the XML). */
function keepingRefused(platform: Platform, agency: Agency, transport: ExchangeTransport, report: PollReport): ExchangeTransport {
  const db = documentsDb(platform.database.db);
  return {
    send: (p) => transport.send(p),
    receive: async (id) =>
      (await transport.receive(id)).map(
        (p): IncomingPacket => ({
          id: p.id,
          xml: p.xml,
          ack: () => p.ack(),
          reject: async (reason) => {
            const row = { status: 'failed' as const, reason: reason.slice(0, 2000), xml: p.xml, kind: packetKind(p.xml) ?? ('unknown' as const), at: new Date() };
            await db
              .insertInto('exchange_packets')
              .values({ agency_id: agency.id, direction: 'in', packet_id: p.id, document_id: null, ...row })
              .onConflict((oc) => oc.columns(['agency_id', 'direction', 'packet_id']).doUpdateSet(row))
              .execute();
            report.failed.push({ agency: agency.code, packet: p.id, reason });
            platform.log?.warn({ agency: agency.code, packet: p.id, reason }, 'exchange: packet refused, kept in failed/');
            await p.reject(reason);
          },
        }),
      ),
  };
}

async function recordIn(platform: Platform, agency: Agency, p: IncomingPacket, kind: 'document' | 'status', documentId: number | null, now: Date, reason: string | null = null): Promise<void> {
  await documentsDb(platform.database.db)
    .insertInto('exchange_packets')
    .values({ agency_id: agency.id, direction: 'in', packet_id: p.id, kind, document_id: documentId, status: 'ok', reason, xml: withoutContent(p.xml), at: now })
    .onConflict((oc) => oc.columns(['agency_id', 'direction', 'packet_id']).doNothing())
    .execute();
}

async function existingCopy(platform: Platform, agency: Agency, exchangeId: string): Promise<DocumentRow | undefined> {
  return documentsDb(platform.database.db).selectFrom('documents').selectAll().where('agency_id', '=', agency.id).where('direction', '=', 'in').where('exchange_id', '=', exchangeId).executeTakeFirst();
}

/** A document packet: registered in the agency's incoming book with everything the packet says, and answered 01. */
async function takeDocument(platform: Platform, agency: Agency, d: EdxmlDocument, p: IncomingPacket, now: Date): Promise<'registered' | 'duplicate'> {
  if (!d.to.some((o) => o.id === agency.code)) throw new Error(`document ${d.documentId} is not addressed to ${agency.code}`);
  const before = await existingCopy(platform, agency, d.documentId);
  if (before) {
    await recordIn(platform, agency, p, 'document', before.id, now, `duplicate of document ${before.id}`);
    return 'duplicate';
  }
  const number = /^\d{1,9}$/.test(d.numberNotation.number.trim()) ? Number(d.numberNotation.number.trim()) : NaN;
  if (!(number >= 1)) throw new Error(`Code/CodeNumber "${d.numberNotation.number}" is not a document number`);
  const files = checkFiles(
    d.attachments.map((a) => ({ name: a.name, content: a.content })),
    'files',
  );
  let doc: DocumentRow;
  try {
    doc = await registerIncoming(
      platform,
      null,
      {
        typeCode: d.type.code,
        author: d.from.name,
        authorCode: d.from.id,
        number,
        notation: d.numberNotation.notation.trim(),
        documentDate: d.date,
        summary: d.subject,
        signerName: d.signer.fullName,
        urgency: d.urgency,
        secrecy: 'normal',
        pageCount: d.pageCount,
        dueDate: d.dueDate,
      },
      files,
      { ip: null, now, checkSignatures: checkPdfSignatures, exchangeId: d.documentId, system: { agencyId: agency.id, label: `Trục liên thông: ${d.from.name}` } },
    );
  } catch (err) {
    // The same document already registered (by a clerk from another channel, or by a poll running at once).
    const code = (err as { code?: string }).code;
    const raced = code === '23505' ? await existingCopy(platform, agency, d.documentId) : undefined;
    const dup = code === 'DUPLICATE' ? ((err as { details?: { existing?: number } }).details?.existing ?? null) : (raced?.id ?? null);
    if (code !== 'DUPLICATE' && !raced) throw err;
    await recordIn(platform, agency, p, 'document', dup, now, dup === null ? 'duplicate' : `duplicate of document ${dup}`);
    return 'duplicate';
  }
  await recordIn(platform, agency, p, 'document', doc.id, now);
  try {
    await sendStatus(platform, agency, { to: d.from.id, documentId: d.documentId, status: 'received', localId: doc.id, documentCode: `${number}/${doc.notation}`, documentDate: d.date }, now);
  } catch (err) {
    platform.log?.error({ err, document: doc.id }, 'exchange: the received status was not recorded');
  }
  return 'registered';
}

/** The issuer asks its document back (13): the copy registered here is recalled with the reason, answered 15. */
async function recallCopy(platform: Platform, agency: Agency, s: EdxmlStatus, p: IncomingPacket, now: Date): Promise<void> {
  const db = documentsDb(platform.database.db);
  const copy = await existingCopy(platform, agency, s.documentId);
  if (!copy || copy.author_code !== s.from.id) throw new Error(`recall of ${s.documentId} by ${s.from.id}: no document of theirs registered here`);
  const reason = (s.description && s.description !== StatusCode.recalled.vi ? s.description : StatusCode.recalled.vi).slice(0, 1000);
  const label = `Trục liên thông: ${copy.author || s.from.name}`;
  const recalled = await db.transaction().execute(async (trx) => {
    const doc = await documentsRepo.lock(trx, copy.id);
    if (!doc || doc.state === 'recalled') return false;
    await documentsRepo.update(trx, doc.id, { state: 'recalled', recalled_at: now, recall_reason: reason });
    await documentsRepo.addEvent(trx, doc.id, 'recalled', reason, { id: null, label }, now);
    await audit(trx, { actor: { id: null, label }, action: 'document.recalled', entity: 'document', entityId: doc.id, agencyId: doc.agency_id, ip: null, data: { exchangeId: s.documentId, reason } });
    return true;
  });
  await recordIn(platform, agency, p, 'status', copy.id, now, recalled ? null : 'already recalled');
  if (recalled) {
    try {
      await sendStatus(platform, agency, { to: s.from.id, documentId: s.documentId, status: 'recall_agreed', localId: copy.id, ...(s.documentCode ? { documentCode: s.documentCode } : {}), ...(s.documentDate ? { documentDate: s.documentDate } : {}) }, now);
    } catch (err) {
      platform.log?.error({ err, document: copy.id }, 'exchange: the recall answer was not recorded');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The job

export const EXCHANGE_JOB = 'documents.exchange';
const running = new WeakSet<Platform>();

/** One round of the job: the inboxes read, then the packets that failed to go out sent again. */
export async function runExchange(platform: Platform, now = new Date()): Promise<{ poll: PollReport; retry: { sent: number; failed: number } } | null> {
  if (!exchangeTransport(platform) || running.has(platform)) return null;
  running.add(platform);
  try {
    const poll = await pollExchange(platform, now);
    const retry = await retryOutbox(platform, now);
    return { poll, retry };
  } finally {
    running.delete(platform);
  }
}

/** Every minute, when the exchange is configured. */
export async function registerExchangeJobs(platform: Platform): Promise<void> {
  if (!exchangeTransport(platform)) return;
  await platform.jobs.work(EXCHANGE_JOB, async () => {
    await runExchange(platform);
  });
  await platform.jobs.schedule(EXCHANGE_JOB, '* * * * *');
}
