// Public pages of the catalogue: /thu-tuc (search and browse) and /thu-tuc/:code (a procedure). Thin: read the
// query, ask the service, render. Unknown filter values are ignored; a too-long query is shown as a field error.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { t } from '../../platform/web/i18n.ts';
import { sendPublicPage } from '../../platform/web/public-pages.ts';
import { ProcedureErrors } from './errors.ts';
import { getProcedure, listFacets, today } from './service.ts';
import { MAX_QUERY, searchProcedures } from './search.ts';
import { LEVELS, type Level } from './schema.ts';
import { PAGE_SIZE, SearchPage, type OnlineFilter } from './views/search-page.tsx';
import { DetailPage } from './views/detail-page.tsx';

type Query = Record<string, unknown>;
const MAX_PAGE = 1000;

/** A query parameter as one trimmed string (the first, if repeated); '' when absent. */
export function param(q: Query, key: string): string {
  const v = q[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

function levelOf(s: string): Level | '' {
  return (LEVELS as readonly string[]).includes(s) ? (s as Level) : '';
}

function onlineOf(s: string): OnlineFilter {
  return s === 'yes' || s === 'no' || s === 'full' ? s : '';
}

export async function procedurePages(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/thu-tuc', async (req, reply) => {
    const query = req.query as Query;
    const raw = param(query, 'q');
    const tooLong = raw.length > MAX_QUERY;
    const q = tooLong ? '' : raw;
    const state = {
      q,
      field: param(query, 'field').slice(0, 300),
      agency: param(query, 'agency').slice(0, 300),
      level: levelOf(param(query, 'level')),
      online: onlineOf(param(query, 'online')),
      page: Math.min(MAX_PAGE, Math.max(1, Number.parseInt(param(query, 'page'), 10) || 1)),
      error: tooLong ? t(req.lang, ProcedureErrors.QUERY_TOO_LONG().text) : undefined,
    };
    const search = (page: number) =>
      searchProcedures(db, {
        q,
        field: state.field || undefined,
        agency: state.agency || undefined,
        level: state.level || undefined,
        online: state.online || undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
    const [first, facets] = await Promise.all([search(state.page), listFacets(db)]);
    let result = first;
    // A page past the last one (an old link) shows the last page.
    if (result.items.length === 0 && result.total > 0) {
      state.page = Math.ceil(result.total / PAGE_SIZE);
      result = await search(state.page);
    }
    return reply.status(tooLong ? 400 : 200).html(SearchPage({ req, state: { ...state, result, facets, catalogueSize: facets.total } }));
  });

  app.get('/thu-tuc/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    return sendPublicPage(platform, req, reply, async () => DetailPage({ req, p: await getProcedure(db, code), today: today() }));
  });
}
