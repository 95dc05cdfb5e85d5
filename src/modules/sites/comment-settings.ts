// What the comments module needs of a site (issue 12 "Comments"): a published article by its address, the titles of
// articles a moderator's list names, and the site's comment settings (pre-moderation, the report threshold), which
// the site's editors or an administrator change, with an audit row in the same transaction.
import type { Actor } from '../../platform/auth/access.ts';
import { requireStaff } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { forgetSitePages } from './cache.ts';
import { type Article, type Site, sitesDb, sitesRepo } from './repo.ts';
import { getSite, isVisible } from './service.ts';

export const REPORT_THRESHOLD_MAX = 100;

/** The site, or undefined. */
export function findSite(platform: Platform, slug: string): Promise<Site | undefined> {
  return sitesRepo.findSiteBySlug(sitesDb(platform.database.db), slug);
}

/** The site and its article at /trang/:site/tin/:slug when a reader may see it now, or undefined. */
export async function findPublishedArticle(platform: Platform, siteSlug: string, slug: string, now = new Date()): Promise<{ site: Site; article: Article } | undefined> {
  const db = sitesDb(platform.database.db);
  const site = await sitesRepo.findSiteBySlug(db, siteSlug);
  if (!site) return undefined;
  const article = await sitesRepo.findBySlug(db, site.id, slug);
  return article && isVisible(article, now) ? { site, article } : undefined;
}

/** The latest published articles of a site (demo data). */
export function latestArticles(platform: Platform, site: Site, limit: number, now = new Date()): Promise<Article[]> {
  return sitesRepo.listPublished(sitesDb(platform.database.db), now, { siteId: site.id, kind: 'news', limit });
}

/** Address and title of the site's articles with these ids. */
export async function articleTitles(platform: Platform, site: Site, ids: readonly number[]): Promise<Map<number, { slug: string; title: string }>> {
  const rows = await sitesRepo.titlesByIds(sitesDb(platform.database.db), site.id, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

/** Whether the user may change the site's comment settings: its agency's editors, or an administrator. */
export function mayChangeCommentSettings(user: SessionUser | null, site: Site): boolean {
  if (!user || user.kind !== 'staff') return false;
  return user.roles.includes('admin') || (user.roles.includes('editor') && user.agencyId !== null && user.agencyId === site.agency_id);
}

export async function setCommentSettings(platform: Platform, actor: Actor, slug: string, v: { preModeration: boolean; reportThreshold: number }, ip: string | null): Promise<Site> {
  const site = await getSite(platform, slug);
  const user = requireStaff(actor, 'editor', 'admin');
  if (!mayChangeCommentSettings(user, site)) throw HttpErrors.FORBIDDEN();
  if (!Number.isInteger(v.reportThreshold) || v.reportThreshold < 1 || v.reportThreshold > REPORT_THRESHOLD_MAX) throw HttpErrors.VALIDATION();
  const out = await platform.database.db.transaction().execute(async (trx) => {
    const after = await sitesRepo.setCommentSettings(sitesDb(trx), site.id, { pre_moderation: v.preModeration, comment_report_threshold: v.reportThreshold });
    await recordAudit(trx, {
      actor: user,
      action: 'site.comment_settings',
      entity: 'site',
      entityId: site.id,
      agencyId: site.agency_id,
      ip,
      data: { site: site.slug, before: { preModeration: site.pre_moderation, reportThreshold: site.comment_report_threshold }, after: { preModeration: after.pre_moderation, reportThreshold: after.comment_report_threshold } },
    });
    return after;
  });
  forgetSitePages(platform, site.slug);
  return out;
}
