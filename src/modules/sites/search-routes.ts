// GET /tim-kiem: the portal's one search box. Bad filters (a date that does not exist, words too long) are shown back
// beside their fields with what was typed; the search then runs without them.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { isValidIsoDate } from '../../platform/calendar/index.ts';
import { t } from '../../platform/web/i18n.ts';
import { ARTICLE_KINDS } from './input.ts';
import { sitesDb, sitesRepo, type ArticleKind } from './repo.ts';
import { portalSearch } from './search.ts';
import { SearchPage, searchText, type SearchState } from './views/search.tsx';

const MAX_QUERY = 200;
const MAX_PAGE = 100;

export async function sitesSearchRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/tim-kiem', async (req, reply) => {
    const raw = req.query as Record<string, unknown>;
    // A parameter given twice (?q=a&q=b) arrives as a list: the first counts.
    const one = (k: string): string | undefined => {
      const v = raw[k];
      return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
    };
    const q = { q: one('q'), 'trang-web': one('trang-web'), loai: one('loai'), tu: one('tu'), den: one('den'), trang: one('trang') };
    const lang = req.lang;
    const sites = await sitesRepo.listSites(sitesDb(platform.database.db));
    const state: SearchState = {
      q: (q.q ?? '').trim(),
      site: q['trang-web'] ?? '',
      kind: q.loai ?? '',
      from: q.tu ?? '',
      to: q.den ?? '',
      page: Math.min(MAX_PAGE, Math.max(1, Number.parseInt(q.trang ?? '', 10) || 1)),
      errors: [],
      results: undefined,
    };
    if (state.q.length > MAX_QUERY) state.errors.push({ field: 'q', message: t(lang, searchText.tooLong) });
    for (const [field, label] of [['from', searchText.from], ['to', searchText.to]] as const) {
      if (state[field] !== '' && !isValidIsoDate(state[field])) state.errors.push({ field: field === 'from' ? 'tu' : 'den', message: t(lang, searchText.badDate, { field: t(lang, label) }) });
    }
    const site = sites.find((s) => s.slug === state.site);
    const kind = [...ARTICLE_KINDS, 'procedure'].includes(state.kind) ? (state.kind as ArticleKind | 'procedure') : undefined;
    const ok = (f: 'from' | 'to') => (state[f] !== '' && isValidIsoDate(state[f]) ? state[f] : undefined);
    const query = state.q.length > MAX_QUERY ? '' : state.q;
    if (query !== '' || site || kind) {
      state.results = await portalSearch(platform, { q: query, siteId: site?.id, kind, from: ok('from'), to: ok('to'), page: state.page });
    }
    return reply.status(state.errors.length > 0 ? 400 : 200).html(SearchPage({ req, state, sites }));
  });
}
