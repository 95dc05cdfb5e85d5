// The registry's pages (văn thư) under /van-ban. Thin: parse → service → render. A refused form is shown again with
// the typed values and the errors; a refusal without fields (stale version, wrong state, frozen) is shown on the
// document's page as its message; access is checked by the services (404 for what the user may not see).
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/index.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { t } from '../../platform/web/i18n.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { findAgencyById } from '../units/index.ts';
import { documentForUser, isClerk, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { checkFiles, type DocFile, MAX_DOCUMENT_FILE_BYTES } from './files.ts';
import { acknowledgeIncoming, assignIncoming, registerIncoming, reportProgress } from './incoming.ts';
import { EMPTY_INCOMING, EMPTY_OUTGOING, incomingValues, listOf, outgoingValues, validateIncoming, validateOutgoing, type OutgoingValues } from './input.ts';
import { fieldErrors } from './messages.ts';
import { numberNotation } from './numbering.ts';
import { commentOn, createDraft, emailRecipientsOf, externalRecipientsOf, internalCodesOf, issueDocument, recallDocument, reviewStep, updateDraft, cancelNumber, type StepName } from './outgoing.ts';
import { pm } from './page-messages.ts';
import { agencyChoices, colleaguesOf, documentPageState, handlingSlipOf, incomingLines, outgoingLines } from './page-state.ts';
import { incomingRegisterPdf, incomingRegisterXlsx, outgoingRegisterPdf, outgoingRegisterXlsx, handlingSlipPdf } from './print/index.ts';
import { checkPeriod, documentInbox, incomingRegister, onTimeByPerson, onTimeByUnit, outgoingRegister, searchDocuments, type Period } from './queries.ts';
import { MAIL_LINK_PATH, openMailedDocument } from './mail.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { RecalledPage } from './views/recalled.tsx';
import { checkSignatures, documentPublisher } from './signing.ts';
import { DocumentPage } from './views/detail.tsx';
import { IncomingFormPage, OutgoingFormPage } from './views/forms.tsx';
import { InboxPage } from './views/inbox.tsx';
import { DOCS_URL, docUrl } from './views/parts.tsx';
import { RegisterPage, ReportPage, SearchPage } from './views/registers.tsx';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const idOf = (req: FastifyRequest): number => (/^\d{1,12}$/.test(str((req.params as Body).id)) ? Number((req.params as Body).id) : 0);
const versionOf = (b: Body): number => (/^\d{1,9}$/.test(str(b.version)) ? Number(b.version) : -1);
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');

/** Errors a form shows beside its fields; anything else (401, 403, 404, 500) goes to the error page. */
function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.status < 500 && err.status !== 403 && err.status !== 404 && err.status !== 401 ? err : undefined;
}
/** A refusal as the page's error list: its fields, or its message when it names none. */
const asFields = (e: AppError): FieldError[] => (e.fields.length > 0 ? e.fields : [{ field: '', message: e.text }]);

/** The uploaded files of a multipart form, read from their temporary files; too large ones refused by name. */
async function filesOf(body: Body): Promise<DocFile[]> {
  const out: DocFile[] = [];
  const errors: FieldError[] = [];
  for (const u of uploadsOf(body)) {
    if (u.filename === '' && (!u.temp || u.temp.size === 0)) continue;
    if (u.truncated || u.overTotal || !u.temp || u.temp.size > MAX_DOCUMENT_FILE_BYTES) {
      errors.push({ field: 'files', message: fieldErrors.file(u.filename, { vi: 'quá dung lượng cho phép.', en: 'too large.' }) });
      continue;
    }
    out.push({ name: u.filename, content: await readFile(u.temp.path) });
  }
  if (errors.length > 0) throw DocumentErrors.INVALID({ fields: errors });
  return out;
}

function periodOf(q: Body, now = new Date()): Period {
  const today = vietnamDateOf(now);
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const from = iso.test(str(q.tu)) ? str(q.tu) : `${today.slice(0, 7)}-01`;
  const to = iso.test(str(q.den)) ? str(q.den) : today;
  return { from, to };
}

export async function documentRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);
  const db = documentsDb(platform.database.db);
  const publish = documentPublisher(platform);

  app.get(DOCS_URL, async (req, reply) => {
    const user = requireDocumentStaff(req.user);
    const inbox = await documentInbox(platform, user);
    return noStore(reply).html(InboxPage({ req, lists: inbox.lists, today: inbox.today, clerk: isClerk(user) }));
  });

  // Incoming: registration by the registry clerk.
  app.get(`${DOCS_URL}/den/moi`, async (req, reply) => {
    requireDocumentStaff(req.user);
    return noStore(reply).html(IncomingFormPage({ req, values: EMPTY_INCOMING, errors: [] }));
  });
  app.post(`${DOCS_URL}/den/moi`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = incomingValues(body);
    try {
      requireDocumentStaff(req.user);
      const data = validateIncoming(values, vietnamDateOf(new Date()));
      const files = checkFiles(await filesOf(body), 'files');
      const doc = await registerIncoming(platform, req.user, data, files, { ip: req.ip, checkSignatures });
      return reply.redirect(`${docUrl(doc.id)}?da-vao-so=1`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      const dup = typeof e.details?.existing === 'number' ? e.details.existing : undefined;
      return noStore(reply.status(e.status)).html(IncomingFormPage({ req, values, errors: asFields(e), ...(dup ? { duplicateOf: dup } : {}) }));
    }
  });

  // Outgoing: drafts.
  const outgoingForm = async (req: FastifyRequest, reply: FastifyReply, values: OutgoingValues, errors: FieldError[], edit?: { id: number; version: number }, status = 200) => {
    const user = requireDocumentStaff(req.user);
    const [agencies, colleagues] = await Promise.all([agencyChoices(platform, user.agencyId), colleaguesOf(platform, user.agencyId)]);
    return noStore(reply.status(status)).html(OutgoingFormPage({ req, state: { values, errors, agencies, colleagues, ...(edit ? { edit } : {}) } }));
  };
  app.get(`${DOCS_URL}/di/moi`, async (req, reply) => {
    const reply_to = str((req.query as Body)['tra-loi']);
    const values = { ...EMPTY_OUTGOING };
    if (/^\d{1,12}$/.test(reply_to)) {
      const { doc } = await documentForUser(db, req.user, Number(reply_to));
      values.replyTo = String(doc.id);
      if (doc.author_code) values.internal = [doc.author_code];
      values.summary = `V/v trả lời ${doc.number !== null && doc.notation !== null ? `văn bản số ${numberNotation(doc.number, doc.notation)}` : ''}`.trim() + ' ';
    }
    return outgoingForm(req, reply, values, []);
  });
  app.post(`${DOCS_URL}/di/moi`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = outgoingValues(body);
    try {
      const data = validateOutgoing(values);
      const files = checkFiles(await filesOf(body), 'files');
      const doc = await createDraft(platform, req.user, data, files, req.ip);
      return reply.redirect(docUrl(doc.id), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return outgoingForm(req, reply, values, asFields(e), undefined, e.status);
    }
  });
  app.get(`${DOCS_URL}/:id/sua`, async (req, reply) => {
    const { doc } = await documentForUser(db, req.user, idOf(req));
    if (doc.direction !== 'out' || (doc.state !== 'draft' && doc.state !== 'review')) throw DocumentErrors.FROZEN();
    const readers = await documentsRepo.readers(db, doc.id);
    const values: OutgoingValues = {
      typeCode: doc.type_code,
      legal: doc.series === 'legal',
      summary: doc.summary,
      body: doc.body,
      draftingUnit: doc.drafting_unit,
      signerName: doc.signer_name,
      signerPosition: doc.signer_position,
      signerCompetence: doc.signer_competence,
      urgency: doc.urgency,
      secrecy: doc.secrecy,
      copies: String(doc.copies),
      recipients: externalRecipientsOf(doc.recipients),
      internal: internalCodesOf(doc.recipients),
      emails: emailRecipientsOf(doc.recipients).join('\n'),
      readers: readers.map(String),
      replyTo: doc.reply_to === null ? '' : String(doc.reply_to),
    };
    return outgoingForm(req, reply, values, [], { id: doc.id, version: doc.version });
  });
  app.post(`${DOCS_URL}/:id/sua`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = outgoingValues(body);
    const id = idOf(req);
    try {
      const data = validateOutgoing(values);
      const files = checkFiles(await filesOf(body), 'files');
      await updateDraft(platform, req.user, id, versionOf(body), data, files, req.ip);
      return reply.redirect(docUrl(id), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return outgoingForm(req, reply, values, asFields(e), { id, version: versionOf(body) }, e.status);
    }
  });

  // One document.
  const documentPage = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string | string[]> = {}, errors: FieldError[] = [], status = 200, notice?: string) => {
    const { user, doc } = await documentForUser(db, req.user, idOf(req));
    const state = await documentPageState(platform, db, user, doc);
    // Every view is in the audit trail (issue 13).
    await recordAudit(platform.database.db, { actor: user, action: 'document.viewed', entity: 'document', entityId: doc.id, agencyId: doc.agency_id, ip: req.ip });
    return noStore(reply.status(status)).html(DocumentPage({ req, state: { ...state, values, errors, ...(notice ? { notice } : {}) } }));
  };
  app.get(`${DOCS_URL}/:id`, async (req, reply) => {
    const q = req.query as Body;
    const { doc } = await documentForUser(db, req.user, idOf(req));
    const notice = str(q['da-vao-so']) ? t(req.lang, pm.registered, { n: doc.arrival_number ?? '' }) : str(q['da-phat-hanh']) && doc.number !== null && doc.notation !== null ? t(req.lang, pm.issued, { n: numberNotation(doc.number, doc.notation) }) : undefined;
    return documentPage(req, reply, {}, [], 200, notice);
  });

  /** A posted action: run it, then back to the page; a refusal shows the page with the message and what was typed. */
  const action = (path: string, run: (req: FastifyRequest, body: Body) => Promise<unknown>, field = 'note', after = (id: number) => docUrl(id)) =>
    app.post(`${DOCS_URL}/:id/${path}`, async (req, reply) => {
      const body = (req.body ?? {}) as Body;
      try {
        await run(req, body);
        return reply.redirect(after(idOf(req)), 303);
      } catch (err) {
        const e = formError(err);
        if (!e) throw err;
        const values: Record<string, string | string[]> = { lead: str(body.lead), co: listOf(body.co), info: listOf(body.info), instruction: str(body.instruction), deadlineDays: str(body.deadlineDays), [field]: str(body.note) };
        const fields = asFields(e).map((f) => (f.field === 'note' ? { ...f, field } : f));
        return documentPage(req, reply, values, fields, e.status);
      }
    });

  const ids = (v: unknown): number[] => listOf(v).filter((x) => /^\d{1,12}$/.test(x)).map(Number);
  action('phan-cong', (req, b) => {
    const lead = /^\d{1,12}$/.test(str(b.lead)) ? Number(b.lead) : NaN;
    if (!Number.isSafeInteger(lead)) throw DocumentErrors.INVALID({ fields: [{ field: 'lead', message: fieldErrors.missing({ vi: 'Người chủ trì xử lý', en: 'Lead handler' }) }] });
    const days = str(b.deadlineDays).trim();
    const deadlineDays = days === '' ? null : /^\d{1,3}$/.test(days) ? Number(days) : -1;
    return assignIncoming(platform, req.user, idOf(req), versionOf(b), { lead, co: ids(b.co), info: ids(b.info), instruction: str(b.instruction).trim(), deadlineDays }, req.ip);
  });
  action('da-nhan', (req, b) => acknowledgeIncoming(platform, req.user, idOf(req), versionOf(b), req.ip));
  action('tien-do', (req, b) => reportProgress(platform, req.user, idOf(req), versionOf(b), str(b.note), str(b.close) === '1', req.ip));
  action('gop-y', (req, b) => commentOn(platform, req.user, idOf(req), str(b.note), req.ip), 'comment');
  const step = (path: string, name: StepName, field = 'note') => action(path, (req, b) => reviewStep(platform, req.user, idOf(req), versionOf(b), name, str(b.note), req.ip), field);
  step('trinh', 'submit');
  step('duyet', 'approve');
  step('tra-lai', 'return', 'returnNote');
  action('phat-hanh', (req, b) => issueDocument(platform, req.user, idOf(req), versionOf(b), { ip: req.ip, publish, checkSignatures }), 'note', (id) => `${docUrl(id)}?da-phat-hanh=1`);
  action('thu-hoi', (req, b) => recallDocument(platform, req.user, idOf(req), versionOf(b), str(b.note), req.ip), 'recallNote');
  action('huy-so', (req, b) => cancelNumber(platform, req.user, idOf(req), versionOf(b), str(b.note), req.ip), 'cancelNote');

  app.get(`${DOCS_URL}/:id/tep/:fileId`, async (req, reply) => {
    const { user, doc } = await documentForUser(db, req.user, idOf(req));
    const fileId = /^\d{1,12}$/.test(str((req.params as Body).fileId)) ? Number((req.params as Body).fileId) : 0;
    const file = await documentsRepo.file(db, doc.id, fileId);
    if (!file) throw DocumentErrors.NOT_FOUND();
    await recordAudit(platform.database.db, { actor: user, action: 'document.file_viewed', entity: 'document', entityId: doc.id, agencyId: doc.agency_id, ip: req.ip, data: { file: file.id, sha256: file.sha256 } });
    return noStore(reply).type(file.mime).header('content-disposition', contentDisposition(file.name, 'inline')).header('x-content-type-options', 'nosniff').send(file.content);
  });

  // A recipient's link from the distribution mail (no sign-in: the token is the key; mail.ts).
  app.get(`${MAIL_LINK_PATH}/:token`, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const opened = await openMailedDocument(platform, str((req.params as Body).token), req.ip);
    if (opened.kind === 'recalled') return noStore(reply.status(410)).html(RecalledPage({ req, numbered: opened.numbered, reason: opened.reason }));
    return noStore(reply).type(opened.file.mime).header('content-disposition', contentDisposition(opened.file.name, 'inline')).header('x-content-type-options', 'nosniff').send(opened.file.content);
  });

  app.get(`${DOCS_URL}/:id/phieu-giai-quyet.pdf`, async (req, reply) => {
    const { doc } = await documentForUser(db, req.user, idOf(req));
    if (doc.direction !== 'in') throw DocumentErrors.NOT_FOUND();
    const pdf = await handlingSlipPdf(await handlingSlipOf(platform, db, doc));
    return noStore(reply).type('application/pdf').header('content-disposition', contentDisposition(`phieu-giai-quyet-${doc.arrival_number ?? doc.id}.pdf`, 'inline')).send(pdf);
  });

  // Registers, search, report.
  const registerPage = (direction: 'in' | 'out') => async (req: FastifyRequest, reply: FastifyReply) => {
    const user = requireDocumentStaff(req.user);
    const period = periodOf(req.query as Body);
    try {
      checkPeriod(period);
    } catch (err) {
      const e = formError(err)!;
      return noStore(reply.status(400)).html(RegisterPage({ req, period, lines: direction === 'out' ? { direction, rows: [] } : { direction, rows: [] }, cancelled: [], errors: asFields(e) }));
    }
    const lines = direction === 'out' ? { direction, rows: await outgoingLines(platform, await outgoingRegister(platform, user, period)) } : { direction, rows: await incomingLines(db, await incomingRegister(platform, user, period)) };
    const cancelled = direction === 'out' ? await documentsRepo.cancelled(db, user.agencyId, period.from, period.to) : [];
    return noStore(reply).html(RegisterPage({ req, period, lines: lines as Parameters<typeof RegisterPage>[0]['lines'], cancelled, errors: [] }));
  };
  app.get(`${DOCS_URL}/so-di`, registerPage('out'));
  app.get(`${DOCS_URL}/so-den`, registerPage('in'));

  const registerExport = (direction: 'in' | 'out', format: 'pdf' | 'xlsx') => async (req: FastifyRequest, reply: FastifyReply) => {
    const user = requireDocumentStaff(req.user);
    const period = periodOf(req.query as Body);
    const agency = await findAgencyById(platform.database.db, user.agencyId);
    const parent = agency?.parentId ? await findAgencyById(platform.database.db, agency.parentId) : undefined;
    const meta = { agencyName: agency?.name ?? '', ...(parent ? { parentAgencyName: parent.name } : {}), from: period.from, to: period.to, printedAt: new Date() };
    let content: Buffer;
    if (direction === 'out') {
      const rows = await outgoingLines(platform, await outgoingRegister(platform, user, period));
      content = format === 'pdf' ? await outgoingRegisterPdf(rows, meta) : await outgoingRegisterXlsx(rows, meta);
    } else {
      const rows = await incomingLines(db, await incomingRegister(platform, user, period));
      content = format === 'pdf' ? await incomingRegisterPdf(rows, meta) : await incomingRegisterXlsx(rows, meta);
    }
    await recordAudit(platform.database.db, { actor: user, action: 'document.register_exported', entity: 'register', entityId: direction, agencyId: user.agencyId, ip: req.ip, data: { format, ...period } });
    const name = `so-van-ban-${direction === 'out' ? 'di' : 'den'}-${period.from}-${period.to}.${format}`;
    const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return noStore(reply).type(type).header('content-disposition', contentDisposition(name, format === 'pdf' ? 'inline' : 'attachment')).send(content);
  };
  app.get(`${DOCS_URL}/so-di.pdf`, registerExport('out', 'pdf'));
  app.get(`${DOCS_URL}/so-di.xlsx`, registerExport('out', 'xlsx'));
  app.get(`${DOCS_URL}/so-den.pdf`, registerExport('in', 'pdf'));
  app.get(`${DOCS_URL}/so-den.xlsx`, registerExport('in', 'xlsx'));

  app.get(`${DOCS_URL}/tim-kiem`, async (req, reply) => {
    requireDocumentStaff(req.user);
    const q = str((req.query as Body).q).slice(0, 200);
    const rows = q.trim() === '' ? [] : await searchDocuments(platform, req.user, q);
    return noStore(reply).html(SearchPage({ req, q, rows, today: vietnamDateOf(new Date()) }));
  });

  app.get(`${DOCS_URL}/bao-cao`, async (req, reply) => {
    requireDocumentStaff(req.user);
    const period = periodOf(req.query as Body);
    try {
      const rows = await onTimeByPerson(platform, req.user, period);
      return noStore(reply).html(ReportPage({ req, period, rows, units: onTimeByUnit(rows), errors: [] }));
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply.status(e.status)).html(ReportPage({ req, period, rows: [], units: [], errors: asFields(e) }));
    }
  });
}
