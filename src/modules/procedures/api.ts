// JSON API of the catalogue (tag 'procedures'): thin handlers over the service.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { isValidIsoDate } from '../../platform/calendar/index.ts';
import { detailSchema, listSchema, versionSchema } from './api-schemas.ts';
import { ProcedureErrors } from './errors.ts';
import { feesToday } from './fees.ts';
import { getProcedure, getProcedureVersion, today } from './service.ts';
import { searchProcedures } from './search.ts';
import type { Level, ProcedureVersion } from './schema.ts';
import { resolveEform } from '../eforms/index.ts';

interface ListQuery {
  q?: string;
  field?: string;
  agency?: string;
  level?: Level;
  online?: 'true' | 'false' | 'full';
  limit?: number;
  offset?: number;
}

const PARAM_ERRORS = {
  limit: ProcedureErrors.INVALID_LIMIT,
  offset: ProcedureErrors.INVALID_OFFSET,
  level: ProcedureErrors.INVALID_LEVEL,
  online: ProcedureErrors.INVALID_ONLINE,
  q: ProcedureErrors.QUERY_TOO_LONG,
  version: ProcedureErrors.VERSION_NOT_FOUND,
  date: ProcedureErrors.INVALID_DATE,
} as const;

/** The module's own error for the first parameter Fastify's schema check rejected. */
function rejectInvalid(req: FastifyRequest): void {
  const failure = req.validationError;
  if (!failure) return;
  const first = (failure as { validation?: { instancePath?: string }[] }).validation?.[0];
  const name = (first?.instancePath ?? '').replace(/^\//, '');
  const make = PARAM_ERRORS[name as keyof typeof PARAM_ERRORS];
  throw make ? make() : HttpErrors.VALIDATION();
}

/** The date the fees are worked out for: `?date=`, else today (Vietnam). */
function dateOf(req: FastifyRequest): string {
  const { date } = req.query as { date?: string };
  if (date === undefined) return today();
  if (!isValidIsoDate(date)) throw ProcedureErrors.INVALID_DATE();
  return date;
}

function orUndefined(s: string | undefined): string | undefined {
  const v = s?.trim();
  return v ? v : undefined;
}

/**
 * The e-form a dossier of this version is submitted with (issue 9): its own, the shipped one for its code, or the
 * generic one — JSON Schema, UI hints and the documents with their keys, accepted types and maximum sizes — and
 * which of the three it is. The raw column stays the administrator's business (admin pages).
 */
function withEform<T extends ProcedureVersion>(p: T): T & { eformSource: string } {
  const r = resolveEform({ code: p.code, eform: p.eform, name: p.name, documents: p.documents });
  return { ...p, eform: r.def, eformSource: r.source };
}

export async function procedureApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/api/v1/procedures', { schema: listSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    rejectInvalid(req);
    const q = req.query as ListQuery;
    const online = q.online === 'true' ? 'yes' : q.online === 'false' ? 'no' : q.online;
    return searchProcedures(db, {
      q: q.q,
      field: orUndefined(q.field),
      agency: orUndefined(q.agency),
      level: q.level,
      online,
      limit: q.limit,
      offset: q.offset,
    });
  });

  app.get('/api/v1/procedures/:code', { schema: detailSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    rejectInvalid(req);
    const { code } = req.params as { code: string };
    const p = await getProcedure(db, code);
    return { ...withEform(p), feesToday: feesToday(p, dateOf(req)) };
  });

  app.get('/api/v1/procedures/:code/versions/:version', { schema: versionSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    rejectInvalid(req);
    const { code, version } = req.params as { code: string; version: number };
    const v = await getProcedureVersion(db, code, version);
    return { ...withEform(v), feesToday: feesToday(v, dateOf(req)) };
  });
}
