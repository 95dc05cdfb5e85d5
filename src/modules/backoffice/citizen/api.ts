// The API of one dossier (issue 4 "API for integrators"): read it with its history and the caller's actions, take a
// workflow action (the same engine and rules as the officers' pages), and the applicant's rating and feedback with the
// officers' answers. Bearer token or signed-in session; errors in the API's usual `{ error: { code, message, fields } }`.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { type IncomingFile, invalid, attachmentLimits, recordDossierRead, stateLabels } from '../../dossiers/index.ts';
import { takeAction } from '../workflow/engine.ts';
import { WorkflowErrors } from '../workflow/errors.ts';
import { getCaseView } from '../workflow/view.ts';
import { actionSchema, answerSchema, feedbackSchema, feesSchema, getCaseSchema, ratingSchema } from './api-schemas.ts';
import { recordFeesCollected } from '../office/fees.ts';
import { caseJson } from './api-json.ts';
import { answerFeedback, rateDossier, sendFeedback } from './service.ts';

interface ActionBody {
  action: string;
  version?: number;
  comment?: string;
  items?: { text: string; doc_key?: string }[];
  agencies?: { code: string; due_date?: string }[];
  documents?: number[];
  include_answers?: boolean;
  new_due_date?: string;
  return_method?: string;
  assignee_id?: number;
  processing_days?: number;
  files?: { doc_key: string; filename: string; content_base64: string }[];
  form?: Record<string, unknown>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeFiles(files: ActionBody['files']): { files: IncomingFile[]; errors: FieldError[] } {
  const out: IncomingFile[] = [];
  const errors: FieldError[] = [];
  for (const f of files ?? []) {
    const b64 = f.content_base64.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !BASE64.test(b64)) errors.push({ field: `files.${f.doc_key}`, message: invalid.base64(f.doc_key) });
    else out.push({ docKey: f.doc_key, filename: f.filename, content: Buffer.from(b64, 'base64') });
  }
  return { files: out, errors };
}

type CodeParams = { code: string };

export async function citizenApi(app: FastifyInstance, platform: Platform): Promise<void> {
  // Base64 makes files a third larger; the JSON around them is small.
  const bodyLimit = Math.ceil((attachmentLimits(platform).maxTotalBytes * 4) / 3) + 512 * 1024;

  app.get('/api/v1/dossiers/:code', { schema: getCaseSchema, config: { scope: 'read' } }, async (req) => {
    const view = await getCaseView(platform, req.user, (req.params as CodeParams).code);
    if (req.user) await recordDossierRead(platform, req.user, view.case, 'api', { ip: req.ip });
    return caseJson(view);
  });

  app.post('/api/v1/dossiers/:code/actions', { schema: actionSchema, bodyLimit, config: { scope: 'act' } }, async (req) => {
    const { code } = req.params as CodeParams;
    const b = req.body as ActionBody;
    const decoded = decodeFiles(b.files);
    if (decoded.errors.length) throw WorkflowErrors.INVALID_ACTION({ fields: decoded.errors });
    const r = await takeAction(
      platform,
      req.user,
      code,
      {
        action: b.action,
        version: b.version,
        comment: b.comment,
        items: b.items?.map((i) => ({ text: i.text, docKey: i.doc_key ?? null })),
        agencies: b.agencies?.map((a) => ({ code: a.code, dueDate: a.due_date })),
        documents: b.documents,
        includeAnswers: b.include_answers,
        newDueDate: b.new_due_date,
        returnMethod: b.return_method,
        assigneeId: b.assignee_id,
        processingDays: b.processing_days,
        files: decoded.files,
        form: b.form,
      },
      { via: 'api', ip: req.ip },
    );
    const labels = await stateLabels(platform.database.db);
    return { code: r.code, action: r.action, status: r.status, status_label: labels.text(r.status), row_version: r.rowVersion, form: r.form };
  });

  app.post('/api/v1/dossiers/:code/rating', { schema: ratingSchema, config: { scope: 'submit' } }, async (req, reply) => {
    const { code } = req.params as CodeParams;
    const b = req.body as { overall: number; criteria: Record<string, number>; comment?: string };
    const r = await rateDossier(platform, req.user, code, { overall: b.overall, criteria: b.criteria, comment: b.comment }, { ip: req.ip });
    reply.status(201);
    return { code, overall: r.overall, criteria: r.criteria, comment: r.comment, rated_at: r.ratedAt.toISOString() };
  });

  app.post('/api/v1/dossiers/:code/feedback', { schema: feedbackSchema, config: { scope: 'submit' } }, async (req, reply) => {
    const { code } = req.params as CodeParams;
    const f = await sendFeedback(platform, req.user, code, (req.body as { message: string }).message, { ip: req.ip });
    reply.status(201);
    return { id: f.id, message: f.message, created_at: f.createdAt.toISOString() };
  });

  app.post('/api/v1/dossiers/:code/fees', { schema: feesSchema, config: { scope: 'act' } }, async (req) => {
    const { code } = req.params as CodeParams;
    const b = req.body as { method: string; reference: string };
    await recordFeesCollected(platform, req.user, code, b, { ip: req.ip });
    return { code, payment_status: 'paid' };
  });

  app.post('/api/v1/dossiers/:code/feedback/:id/answer', { schema: answerSchema, config: { scope: 'act' } }, async (req) => {
    const p = req.params as CodeParams & { id: number };
    const a = await answerFeedback(platform, req.user, p.code, Number(p.id), (req.body as { answer: string }).answer, { ip: req.ip });
    return { id: a.id, answer: a.answer, answered_at: a.answeredAt.toISOString() };
  });
}
