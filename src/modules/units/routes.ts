// Pages of the units module (Vietnamese first, English with ?lang=en; plain GET forms, no JavaScript needed)
// and its JSON API. Thin: read the query, ask the service, render.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { t } from '../../platform/web/i18n.ts';
import { unitsApi, param } from './api.ts';
import { UnitErrors } from './errors.ts';
import { getUnitDetail, listAgencies, listUnits, MAX_QUERY, resolveOldUnit } from './service.ts';
import { AGENCY_KINDS, isUnitTypeSlug, type AgencyKind } from './schema.ts';
import { HOME_PROVINCE } from './reference.ts';
import { UnitsListPage } from './views/units-list.tsx';
import { UnitDetailPage } from './views/unit-detail.tsx';
import { OldLookupPage } from './views/old-lookup.tsx';
import { AgenciesPage } from './views/agencies.tsx';

type Query = Record<string, unknown>;

export async function unitsRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/don-vi-hanh-chinh', async (req, reply) => {
    const query = req.query as Query;
    const q = param(query, 'q') ?? '';
    const loai = param(query, 'loai') ?? '';
    const type = isUnitTypeSlug(loai) ? loai : '';
    const tooLong = q.length > MAX_QUERY;
    const all = await listUnits(db, { parent: HOME_PROVINCE });
    const searched = !tooLong && (q !== '' || type !== '');
    const units = searched ? await listUnits(db, { parent: HOME_PROVINCE, q, type: type || undefined }) : all;
    const counts = { total: all.length, phuong: all.filter((u) => u.type === 'Phường').length, xa: all.filter((u) => u.type === 'Xã').length };
    const error = tooLong ? t(req.lang, UnitErrors.QUERY_TOO_LONG().text) : undefined;
    return reply.html(UnitsListPage({ req, state: { q: tooLong ? '' : q, type, error, units, searched, counts } }));
  });

  app.get('/don-vi-hanh-chinh/tra-cuu-cu', async (req, reply) => {
    const q = param(req.query as Query, 'q') ?? '';
    const tooLong = q.length > MAX_QUERY;
    const error = tooLong ? t(req.lang, UnitErrors.QUERY_TOO_LONG().text) : undefined;
    const results = q === '' || tooLong ? undefined : await resolveOldUnit(db, q);
    return reply.html(OldLookupPage({ req, state: { q: tooLong ? '' : q, error, results } }));
  });

  app.get('/don-vi-hanh-chinh/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const detail = await getUnitDetail(db, code);
    return reply.html(UnitDetailPage({ req, detail }));
  });

  app.get('/co-quan', async (req, reply) => {
    const query = req.query as Query;
    const q = param(query, 'q') ?? '';
    const loai = param(query, 'loai') ?? '';
    const kind = (AGENCY_KINDS as readonly string[]).includes(loai) ? (loai as AgencyKind) : '';
    const tooLong = q.length > MAX_QUERY;
    const error = tooLong ? t(req.lang, UnitErrors.QUERY_TOO_LONG().text) : undefined;
    const agencies = await listAgencies(db, { q: tooLong ? undefined : q, kind: kind || undefined });
    return reply.html(AgenciesPage({ req, state: { q: tooLong ? '' : q, kind, error, agencies } }));
  });

  await unitsApi(app, platform);
}
