// The city portal's sites (issue 12): one per agency and ward, made on first start, with news, pages,
// announcements and direction documents through the editorial workflow; RSS, Atom, sitemap.xml, print views.
import type { Module } from '../../platform/module.ts';
import { seedSitesDemo } from './demo.ts';
import { sitesEditorRoutes } from './editor-routes.ts';
import { sitesPublicRoutes } from './public-routes.ts';
import { sitesSearchRoutes } from './search-routes.ts';
import { sitesMediaRoutes } from './media-routes.ts';
import { seedSites } from './seed.ts';

export { CITY_SLUG } from './seed.ts';
export { seedArticles, type ArticleSeedReport } from './generate.ts';
export { importArticles, type ImportFile, type ImportOutcome } from './import.ts';
export type { ArticleKind } from './repo.ts';
export type { Article, Site } from './repo.ts';
/** Drops this process's kept pages of a site (after a change readers must see at once). */
export { forgetSitePages } from './cache.ts';
export { addArticleSection, type ArticleSection, type ArticleSectionContext } from './sections.ts';
export { articleTitles, findPublishedArticle, findSite, latestArticles, mayChangeCommentSettings, REPORT_THRESHOLD_MAX, setCommentSettings } from './comment-settings.ts';
export { siteName } from './views/parts.tsx';
export { hasPublishedSite } from './presence.ts';

export const sitesModule: Module = {
  name: 'sites',
  routes: async (app, platform) => {
    await sitesPublicRoutes(app, platform);
    await sitesEditorRoutes(app, platform);
    await sitesSearchRoutes(app, platform);
    await app.register(async (scope) => sitesMediaRoutes(scope, platform));
  },
  seedReference: async (platform) => {
    await seedSites(platform);
  },
  seedDemo: (platform) => seedSitesDemo(platform),
};
