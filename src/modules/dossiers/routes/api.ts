// The dossiers API: submit a dossier (JSON, files in base64) and look up a code's status.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { IncomingFile } from '../attachments.ts';
import { DossierErrors } from '../errors.ts';
import { invalid as m } from '../messages.ts';
import { receiptUrl } from '../notify.ts';
import { lookupStatus } from '../read.ts';
import { stateLabels } from '../states.ts';
import { attachmentLimits } from '../storage.ts';
import { submitDossier } from '../submit.ts';
import { statusSchema, submitSchema } from './api-schemas.ts';

interface SubmitBody {
  procedure_code: string;
  agency_code?: string;
  form: Record<string, unknown>;
  applicant?: { full_name?: string; personal_id?: string; phone?: string; email?: string };
  files?: { doc_key: string; filename: string; content_base64: string }[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeFiles(files: SubmitBody['files']): { files: IncomingFile[]; errors: FieldError[] } {
  const out: IncomingFile[] = [];
  const errors: FieldError[] = [];
  for (const f of files ?? []) {
    const b64 = f.content_base64.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !BASE64.test(b64)) {
      errors.push({ field: `files.${f.doc_key}`, message: m.base64(f.doc_key) });
      continue;
    }
    out.push({ docKey: f.doc_key, filename: f.filename, content: Buffer.from(b64, 'base64') });
  }
  return { files: out, errors };
}

export async function dossierApi(app: FastifyInstance, platform: Platform): Promise<void> {
  // Base64 makes files a third larger; the JSON around them is small.
  const limits = attachmentLimits(platform);
  const bodyLimit = Math.ceil((limits.maxTotalBytes * 4) / 3) + 512 * 1024;

  app.post('/api/v1/dossiers', { schema: submitSchema, bodyLimit, config: { scope: 'submit' } }, async (req, reply) => {
    const body = req.body as SubmitBody;
    const decoded = decodeFiles(body.files);
    if (decoded.errors.length) throw DossierErrors.INVALID_DOSSIER({ fields: decoded.errors });
    const key = req.headers['idempotency-key'];
    const { dossier, replayed } = await submitDossier(
      platform,
      req.user,
      {
        procedureCode: body.procedure_code,
        agencyCode: body.agency_code,
        form: body.form,
        applicant: {
          fullName: body.applicant?.full_name,
          personalId: body.applicant?.personal_id,
          phone: body.applicant?.phone,
          email: body.applicant?.email,
        },
        files: decoded.files,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      },
      { via: req.viaBearer ? 'api' : 'web', ip: req.ip },
    );
    if (replayed) reply.header('idempotent-replayed', 'true');
    reply.status(201).header('location', `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/status`);
    const labels = await stateLabels(platform.database.db);
    return {
      code: dossier.code,
      status: dossier.status,
      status_label: labels.text(dossier.status),
      due_date: dossier.dueDate,
      receipt_url: receiptUrl(platform, dossier.code),
    };
  });

  app.get('/api/v1/dossiers/:code/status', { schema: statusSchema, config: { scope: 'read', rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (req) => {
    const { code } = req.params as { code: string };
    const found = await lookupStatus(platform, code, (req.query as { phone_last4?: string }).phone_last4 ?? '');
    if (!found) throw DossierErrors.DOSSIER_NOT_FOUND();
    return {
      code: found.code,
      status: found.status,
      status_label: found.statusLabel,
      procedure: found.procedure,
      agency: found.agency,
      due_date: found.dueDate,
    };
  });
}
