// One place maps every error to a clear Vietnamese/English answer with the right status: JSON for the API
// and for clients that ask for JSON, an HTML page otherwise. No stack trace ever reaches a user.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HttpErrors } from './errors.ts';
import { Page } from '../web/layout.tsx';
import { t, type Text } from '../web/i18n.ts';
import { shell as m } from '../web/messages.ts';

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  const msg = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed/i.test(msg);
}

// What the multipart parser (busboy) throws, as plain Errors, on a malformed body: the client's fault, a 400.
const MULTIPART_ERROR = /multipart|boundary|part header|end of form|terminated early/i;

export function toAppError(err: unknown, req?: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { rateLimited?: boolean };
  if (fe?.rateLimited || fe?.statusCode === 429) return HttpErrors.RATE_LIMITED();
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return HttpErrors.BODY_TOO_LARGE();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return HttpErrors.UNSUPPORTED_MEDIA_TYPE();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return HttpErrors.BAD_JSON();
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return HttpErrors.BODY_TOO_LARGE();
    case 'FST_FIELDS_LIMIT':
      return HttpErrors.BODY_TOO_LARGE();
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return HttpErrors.BAD_MULTIPART();
  }
  if (!fe?.statusCode && String(req?.headers['content-type'] ?? '').startsWith('multipart/') && MULTIPART_ERROR.test(String(fe?.message))) {
    return HttpErrors.BAD_MULTIPART();
  }
  if (fe?.validation) {
    return HttpErrors.VALIDATION({
      fields: fe.validation.map((v) => {
        const field = (v.instancePath || String(v.params?.missingProperty ?? '')).replace(/^\//, '').replaceAll('/', '.');
        return {
          field,
          message: {
            vi: `Trường "${field}" không hợp lệ (${v.message ?? ''}).`,
            en: `Field "${field}" is not valid (${v.message ?? ''}).`,
          },
        };
      }),
    });
  }
  if (isDatabaseUnavailable(err)) return HttpErrors.DB_UNAVAILABLE();
  // Any other refusal of the framework or a plugin (a malformed URL, a bad header): the client's fault, not a 500.
  const status = fe?.statusCode ?? 0;
  if (status >= 400 && status < 500) {
    if (status === 404) return HttpErrors.NOT_FOUND();
    if (status === 413) return HttpErrors.BODY_TOO_LARGE();
    if (status === 415 || status === 406) return HttpErrors.UNSUPPORTED_MEDIA_TYPE();
    return HttpErrors.VALIDATION();
  }
  return HttpErrors.INTERNAL();
}

export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function errorBody(e: AppError): Record<string, unknown> {
  return {
    error: {
      code: e.code,
      status: e.status,
      message: e.text,
      ...(e.fields.length ? { fields: e.fields.map((f) => ({ field: f.field, message: f.message })) } : {}),
      ...(e.details ? { details: e.details } : {}),
    },
  };
}

/** A local page that resolves the error (`details.link`, e.g. where to verify the account), for the HTML answer. */
function nextStep(e: AppError): { href: string; text: Text } | null {
  const link = e.details?.link as { href?: unknown; text?: { vi?: unknown; en?: unknown } } | undefined;
  if (!link || typeof link.href !== 'string' || !/^\/(?![/\\])/.test(link.href)) return null;
  if (typeof link.text?.vi !== 'string' || typeof link.text.en !== 'string') return null;
  return { href: link.href, text: { vi: link.text.vi, en: link.text.en } };
}

/**
 * A form refused because the database could not be reached loses nothing: the page carries every field the person
 * sent (the CSRF token and any idempotency key among them) back to the same address with a "send again" button, so a
 * retry is the same submission, not a new one. Files cannot be carried: a multipart form is not offered again.
 */
function sendAgain(req: FastifyRequest, e: AppError): JSX.Element | string {
  if (e.code !== 'DB_UNAVAILABLE' || req.method !== 'POST') return '';
  if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return '';
  const body = req.body;
  if (!body || typeof body !== 'object') return '';
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') fields.push([name, v]);
  }
  const lang = req.lang ?? 'vi';
  return (
    <form method="post" action={req.url}>
      <p safe>{t(lang, m.sendAgainKept)}</p>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" safe>
        {t(lang, m.sendAgain)}
      </button>
    </form>
  );
}

export function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  reply.status(e.status);
  if (e.status === 503) reply.header('retry-after', e.code === 'UPLOADS_BUSY' ? '2' : '5');
  if (wantsJson(req)) return reply.type('application/json; charset=utf-8').send(errorBody(e));
  const lang = req.lang ?? 'vi';
  const next = nextStep(e);
  return reply.type('text/html; charset=utf-8').send(
    <Page req={req} title={m.errorTitle}>
      <h1 safe>{e.text[lang]}</h1>
      {e.fields.length ? (
        <ul>
          {e.fields.map((f) => (
            <li safe>{f.message[lang]}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {sendAgain(req, e)}
      {next ? (
        <p>
          <a href={next.href} safe>
            {next.text[lang]}
          </a>
        </p>
      ) : (
        ''
      )}
      <p class="muted">
        <span safe>{t(lang, m.errorCode)}</span>: <code safe>{e.code}</code> · HTTP <span safe>{String(e.status)}</span>
      </p>
      <p>
        <a href="/" safe>
          {t(lang, m.backHome)}
        </a>
      </p>
    </Page>,
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err, req);
    // An unreachable database is one known condition, not a bug: one line each, without the stack (/readyz tells it).
    if (e.code === 'DB_UNAVAILABLE') req.log.warn({ code: (err as { code?: string }).code }, 'database unavailable');
    else if (e.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.debug({ err: e.code }, 'request refused');
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, HttpErrors.NOT_FOUND()));
}
