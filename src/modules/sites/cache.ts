// A change to a site's articles shows at once on this process's kept public pages (platform/web/public-pages.ts):
// the site's pages, the list of sites, the city home page and the sitemap. Other processes see it within
// EGOV_PAGE_CACHE seconds.
import type { Platform } from '../../platform/http/context.ts';
import { forgetKeptPages } from '../../platform/web/public-pages.ts';

export function forgetSitePages(platform: Platform, slug: string): void {
  const prefix = `/trang/${slug}`;
  forgetKeptPages(platform, (url) => url === '/' || url === '/trang' || url === '/sitemap.xml' || url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
}
