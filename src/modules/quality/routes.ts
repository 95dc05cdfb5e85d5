// The service-quality routes: the staff dashboard /quan-ly/chat-luong with its downloads (CSV, Excel), the public page
// of an agency /cong-khai/co-quan/:agencyCode and GET /api/v1/stats. Thin: parse → service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { listFacets } from '../procedures/index.ts';
import { AGENCY_CODE, listAgencies } from '../units/index.ts';
import { statsJson, statsSchema } from './api.ts';
import { QualityErrors } from './errors.ts';
import { agenciesSheet, figuresSheet, toCsv, toXlsx, type Sheet } from './export.ts';
import { currentMonth, lastTwelveMonths, parseQualityQuery, type QualityFilter } from './filter.ts';
import { agencyTable, publicAgencyFigures, qualityFigures, qualityViewer, type AgencyRef } from './service.ts';
import { DASHBOARD, DashboardPage, type DashboardQuery, type DashboardState } from './views/dashboard-page.tsx';
import { PublicAgencyPage } from './views/public-page.tsx';
import { PUBLIC_INDEX, PublicIndexPage } from './views/public-index.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

/** This month, last month, this quarter, this year, the last twelve months (Vietnam dates). */
function quickPeriods(now = new Date()): DashboardState['periods'] {
  const today = vietnamDateOf(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const first = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  const lastMonthStart = m === 1 ? first(y - 1, 12) : first(y, m - 1);
  return [
    { label: 'thisMonth', ...currentMonth(now) },
    { label: 'lastMonth', from: lastMonthStart, to: addDays(first(y, m), -1) },
    { label: 'thisQuarter', from: first(y, m - ((m - 1) % 3)), to: today },
    { label: 'thisYear', from: first(y, 1), to: today },
    { label: 'twelveMonths', ...lastTwelveMonths(now) },
  ];
}

function rawQuery(req: FastifyRequest): DashboardQuery {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const period = currentMonth();
  return { agency: str(q.agency), field: str(q.field), procedure: str(q.procedure), from: str(q.from) || period.from, to: str(q.to) || period.to };
}

function fileName(filter: QualityFilter, agency: string | null, what: string, ext: string): string {
  return `chat-luong-${what}-${agency ?? 'thanh-pho'}-${filter.from}-${filter.to}.${ext}`;
}

export async function qualityRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get(DASHBOARD, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const viewer = await qualityViewer(platform, req.user);
    const query = rawQuery(req);
    const own: AgencyRef | null = viewer.own ? { id: viewer.own.id, code: viewer.own.code, name: viewer.own.name, nameEn: viewer.own.nameEn, kind: viewer.own.kind } : null;
    const state: DashboardState = {
      query,
      cityWide: viewer.cityWide,
      own,
      agencies: viewer.cityWide ? (await listAgencies(db)).map((a) => ({ id: a.id, code: a.code, name: a.name, nameEn: a.nameEn, kind: a.kind })) : [],
      fields: (await listFacets(db)).fields.map((f) => f.value),
      periods: quickPeriods(),
      report: null,
      table: null,
      errors: [],
    };
    try {
      const filter = parseQualityQuery(req.query as Record<string, unknown>);
      // The table by agency belongs to the city's view; both run at once.
      const [report, table] = await Promise.all([
        qualityFigures(platform, req.user, filter),
        viewer.cityWide && filter.agencyCode === null ? agencyTable(platform, req.user, filter) : null,
      ]);
      state.report = report;
      state.table = table;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_FILTER') throw err;
      state.errors = err.fields;
      return reply.status(400).html(DashboardPage({ req, s: state }));
    }
    return reply.html(DashboardPage({ req, s: state }));
  });

  async function download(req: FastifyRequest, reply: FastifyReply, what: 'so-lieu' | 'co-quan', ext: 'csv' | 'xlsx'): Promise<FastifyReply> {
    const first = signInFirst(req, reply);
    if (first) return first;
    const filter = parseQualityQuery(req.query as Record<string, unknown>);
    let sheet: Sheet;
    let agency = filter.agencyCode;
    if (what === 'so-lieu') {
      const report = await qualityFigures(platform, req.user, filter);
      agency = report.agency?.code ?? null;
      sheet = figuresSheet(req.lang, report);
    } else {
      sheet = agenciesSheet(req.lang, await agencyTable(platform, req.user, filter));
    }
    const body = ext === 'csv' ? toCsv(sheet) : await toXlsx([sheet]);
    return reply
      .type(ext === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(fileName(filter, agency, what, ext)))
      .send(body);
  }
  for (const what of ['so-lieu', 'co-quan'] as const) {
    for (const ext of ['csv', 'xlsx'] as const) app.get(`${DASHBOARD}/${what}.${ext}`, (req, reply) => download(req, reply, what, ext));
  }

  app.get(PUBLIC_INDEX, async (req, reply) => reply.html(PublicIndexPage({ req, agencies: await listAgencies(db) })));

  app.get('/cong-khai/co-quan/:agencyCode', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const code = (req.params as { agencyCode: string }).agencyCode;
    if (!AGENCY_CODE.test(code)) throw QualityErrors.AGENCY_NOT_FOUND();
    const p = await publicAgencyFigures(platform, code, lastTwelveMonths());
    return reply.html(PublicAgencyPage({ req, p }));
  });

  app.get('/api/v1/stats', { schema: statsSchema, config: { scope: 'read' } }, async (req) => {
    const filter = parseQualityQuery(req.query as Record<string, unknown>);
    return statsJson(await qualityFigures(platform, req.user, filter));
  });
}
