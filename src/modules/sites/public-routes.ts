// Readers' addresses: /trang (every site), /trang/:site (its home page), /trang/:site/tin (its articles, "earlier"
// pages), /trang/:site/tin/:slug (an article) and …/in (its print view), RSS and Atom per site and category, and
// /sitemap.xml. Pages go through the public page cache (ETag, 304 on a repeat view); feeds carry an ETag too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { etagOf, notModified, sendPublicPage } from '../../platform/web/public-pages.ts';
import { findAgencyById } from '../units/index.ts';
import { SiteErrors } from './errors.ts';
import { atom, rss, sitemap } from './feeds.ts';
import { ARTICLE_KINDS } from './input.ts';
import { type ArticleKind, type Site, sitesDb, sitesRepo } from './repo.ts';
import { renderArticleSections } from './sections.ts';
import { getSite, PAGE_SIZE, publishedArticle } from './service.ts';
import { mediaOfArticle } from './media.ts';
import { agencyPanel } from './agency-panel.ts';
import { ArticleListPage, SiteHomePage, SitesPage } from './views/public.tsx';
import { ArticlePage } from './views/article.tsx';

type Params = Record<string, string>;
const MAX_PAGE = 500;
const FEED_SIZE = 30;

function sendXml(req: FastifyRequest, reply: FastifyReply, type: string, text: string): FastifyReply {
  const body = Buffer.from(text);
  const etag = etagOf(body);
  reply.header('etag', etag).header('cache-control', 'public, max-age=300');
  if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

export async function sitesPublicRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = () => sitesDb(platform.database.db);
  const base = platform.config.baseUrl;

  app.get('/trang', async (req, reply) => sendPublicPage(platform, req, reply, async () => SitesPage({ req, sites: await sitesRepo.listSites(db()) })));

  app.get('/trang/:site', async (req, reply) => {
    const site = await getSite(platform, (req.params as Params).site ?? '');
    // Read only when the page is rendered, not when a kept copy answers.
    return sendPublicPage(platform, req, reply, async () => {
      const now = new Date();
      const list = (f: { kind?: ArticleKind; featured?: boolean }, limit: number) => sitesRepo.listPublished(db(), now, { siteId: site.id, limit, ...f });
      const [categories, featured, latest, announcements, directions, agency] = await Promise.all([
        sitesRepo.categories(db(), site.id),
        list({ featured: true }, 3),
        list({ kind: 'news' }, PAGE_SIZE),
        list({ kind: 'announcement' }, 5),
        list({ kind: 'direction' }, 5),
        site.agency_id === null ? undefined : findAgencyById(platform.database.db, site.agency_id),
      ]);
      const panel = agency ? await agencyPanel(platform, agency) : undefined;
      const home = { site, categories, featured, latest, announcements, directions, base, panel, agency: agency && { code: agency.code, name: agency.name, address: agency.address } };
      return SiteHomePage({ req, home });
    });
  });

  app.get('/trang/:site/tin', async (req, reply) => {
    const site = await getSite(platform, (req.params as Params).site ?? '');
    const q = req.query as Record<string, string | undefined>;
    const kind = ARTICLE_KINDS.find((k) => k === q.loai);
    const categories = await sitesRepo.categories(db(), site.id);
    const category = q['chuyen-muc'] ? categories.find((c) => c.slug === q['chuyen-muc']) : undefined;
    if (q['chuyen-muc'] && !category) throw SiteErrors.ARTICLE_NOT_FOUND();
    const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(q.trang ?? '', 10) || 1));
    const now = new Date();
    const filter = { siteId: site.id, kind, categoryId: category?.id };
    const [articles, total] = await Promise.all([
      sitesRepo.listPublished(db(), now, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      sitesRepo.countPublished(db(), now, filter),
    ]);
    const view = { site, categories, articles, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), kind, category, base };
    return sendPublicPage(platform, req, reply, () => ArticleListPage({ req, view }));
  });

  const article = async (req: FastifyRequest, reply: FastifyReply, print: boolean) => {
    const params = req.params as Params;
    const site = await getSite(platform, params.site ?? '');
    const a = await publishedArticle(platform, site, params.slug ?? '');
    const category = a.category_id === null ? undefined : (await sitesRepo.categories(db(), site.id)).find((c) => c.id === a.category_id);
    return sendPublicPage(platform, req, reply, async () => {
      const safeSections = print ? '' : await renderArticleSections(platform, { req, site, article: a });
      const media = await mediaOfArticle(platform, a.id);
      return ArticlePage({ req, site, article: a, category, base, print, safeSections, media });
    });
  };
  app.get('/trang/:site/tin/:slug', (req, reply) => article(req, reply, false));
  app.get('/trang/:site/tin/:slug/in', (req, reply) => article(req, reply, true));

  const feed = async (req: FastifyRequest, reply: FastifyReply, format: 'rss' | 'atom') => {
    const params = req.params as Params;
    const site: Site = await getSite(platform, params.site ?? '');
    const category = params.category ? (await sitesRepo.categories(db(), site.id)).find((c) => c.slug === params.category) : undefined;
    if (params.category && !category) throw SiteErrors.ARTICLE_NOT_FOUND();
    const articles = await sitesRepo.listPublished(db(), new Date(), { siteId: site.id, categoryId: category?.id, limit: FEED_SIZE });
    const path = category ? `/trang/${site.slug}/tin?chuyen-muc=${category.slug}` : `/trang/${site.slug}`;
    const selfPath = `/trang/${site.slug}${category ? `/chuyen-muc/${category.slug}` : ''}/${format}.xml`;
    const f = { base, site, title: category ? `${site.name} – ${category.name}` : site.name, path, selfPath, articles, updated: articles[0]?.updated_at ?? site.created_at };
    return format === 'rss' ? sendXml(req, reply, 'application/rss+xml; charset=utf-8', rss(f)) : sendXml(req, reply, 'application/atom+xml; charset=utf-8', atom(f));
  };
  app.get('/trang/:site/rss.xml', (req, reply) => feed(req, reply, 'rss'));
  app.get('/trang/:site/atom.xml', (req, reply) => feed(req, reply, 'atom'));
  app.get('/trang/:site/chuyen-muc/:category/rss.xml', (req, reply) => feed(req, reply, 'rss'));
  app.get('/trang/:site/chuyen-muc/:category/atom.xml', (req, reply) => feed(req, reply, 'atom'));

  // The portal's own pages and every site's home page, then the published articles, newest first (sitemaps.org caps a
  // file at 50,000 addresses).
  app.get('/sitemap.xml', async (req, reply) => {
    const sites = await sitesRepo.listSites(db());
    const fixed = ['/', '/thu-tuc', '/trang', '/lich-lam-viec', '/don-vi-hanh-chinh', '/tuyen-sinh'].map((path) => ({ path }));
    const entries = await sitesRepo.sitemapEntries(db(), new Date(), 50_000 - fixed.length - sites.length);
    const urls = [...fixed, ...sites.map((s) => ({ path: `/trang/${s.slug}` })), ...entries.map((e) => ({ path: `/trang/${e.site_slug}/tin/${e.slug}`, lastmod: e.updated_at }))];
    return sendXml(req, reply, 'application/xml; charset=utf-8', sitemap(base, urls));
  });
}
