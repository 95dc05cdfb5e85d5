// The rules of the portal's sites: what readers see (published articles whose time has come), and the editorial
// workflow draft → review → published (now or scheduled) → unpublished, with a revision for every save and an audit row
// for every change, in one transaction. Editors write for the site of their own agency; its editors or leaders
// approve; an administrator may act on every site.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { SiteErrors } from './errors.ts';
import { type ArticleForm, parsePublishAt, validateArticle } from './input.ts';
import { type Article, type ArticleStatus, type Category, type Site, type SitesDb, sitesDb, sitesRepo } from './repo.ts';
import { forgetSitePages } from './cache.ts';
import { forgetVocabulary } from './search.ts';

export const PAGE_SIZE = 12;

export function getSite(platform: Platform, slug: string): Promise<Site> {
  return sitesRepo.findSiteBySlug(sitesDb(platform.database.db), slug).then((s) => s ?? Promise.reject(SiteErrors.SITE_NOT_FOUND()));
}

/** Whether a reader may see the article now. */
export const isVisible = (a: Article, now: Date): boolean => a.status === 'published' && a.publish_at !== null && a.publish_at <= now;

export async function publishedArticle(platform: Platform, site: Site, slug: string, now = new Date()): Promise<Article> {
  const a = await sitesRepo.findBySlug(sitesDb(platform.database.db), site.id, slug);
  if (!a || !isVisible(a, now)) throw SiteErrors.ARTICLE_NOT_FOUND();
  return a;
}

// ---- editors ----

function mayEdit(user: SessionUser, site: Site): boolean {
  return user.roles.includes('admin') || (user.roles.includes('editor') && user.agencyId !== null && user.agencyId === site.agency_id);
}
function mayApprove(user: SessionUser, site: Site): boolean {
  return user.roles.includes('admin') || ((user.roles.includes('editor') || user.roles.includes('leader')) && user.agencyId !== null && user.agencyId === site.agency_id);
}

/** The acting editor of `site`, or 403. */
export function requireSiteEditor(actor: Actor, site: Site): SessionUser {
  const user = requireStaff(actor, 'editor', 'admin', 'leader');
  if (!mayEdit(user, site) && !mayApprove(user, site)) throw HttpErrors.FORBIDDEN();
  return user;
}

/** The site an editor writes for (their agency's), undefined for an administrator of no agency's site. */
export async function ownSite(platform: Platform, actor: Actor): Promise<string | undefined> {
  const user = requireStaff(actor, 'editor', 'admin', 'leader');
  if (user.agencyId === null) return undefined;
  const site = await sitesRepo.findSiteByAgency(sitesDb(platform.database.db), user.agencyId);
  if (!site || !(mayEdit(user, site) || mayApprove(user, site))) return undefined;
  return site.slug;
}

export interface EditorView {
  site: Site;
  articles: Article[];
  categories: Category[];
  user: SessionUser;
}

export async function editorView(platform: Platform, actor: Actor, slug: string): Promise<EditorView> {
  const site = await getSite(platform, slug);
  const user = requireSiteEditor(actor, site);
  const db = sitesDb(platform.database.db);
  return { site, user, articles: await sitesRepo.listForEditors(db, site.id, 200), categories: await sitesRepo.categories(db, site.id) };
}

export async function articleForEditor(platform: Platform, actor: Actor, slug: string, id: number): Promise<{ site: Site; article: Article; categories: Category[]; user: SessionUser }> {
  const site = await getSite(platform, slug);
  const user = requireSiteEditor(actor, site);
  const db = sitesDb(platform.database.db);
  const article = await sitesRepo.findById(db, id);
  if (!article || article.site_id !== site.id) throw SiteErrors.ARTICLE_NOT_FOUND();
  return { site, article, categories: await sitesRepo.categories(db, site.id), user };
}

export async function revisionsOf(platform: Platform, actor: Actor, slug: string, id: number) {
  const { site, article } = await articleForEditor(platform, actor, slug, id);
  return { site, article, revisions: await sitesRepo.revisions(sitesDb(platform.database.db), article.id) };
}

function slugConflict(): never {
  throw SiteErrors.INVALID_ARTICLE({ fields: [{ field: 'slug', message: { vi: 'Đường dẫn này đã có bài khác dùng trên trang.', en: 'This address is already used by another article of the site.' } }] });
}

async function inTransaction<T>(platform: Platform, site: Site, work: (db: SitesDb, p: Kysely<PlatformTables>) => Promise<T>): Promise<T> {
  const out = await platform.database.db.transaction().execute((trx) => work(sitesDb(trx), trx));
  forgetSitePages(platform, site.slug);
  forgetVocabulary(platform);
  return out;
}

async function revise(db: SitesDb, a: Article, user: SessionUser, note: string): Promise<void> {
  await sitesRepo.insertRevision(db, {
    article_id: a.id,
    version: a.version,
    title: a.title,
    summary: a.summary,
    body_html: a.body_html,
    status: a.status,
    actor_id: user.id,
    actor_label: user.username,
    note,
  });
}

export async function createArticle(platform: Platform, actor: Actor, slug: string, form: ArticleForm, ip: string | null): Promise<Article> {
  const site = await getSite(platform, slug);
  const user = requireSiteEditor(actor, site);
  if (!mayEdit(user, site)) throw HttpErrors.FORBIDDEN();
  const categories = await sitesRepo.categories(sitesDb(platform.database.db), site.id);
  const { note, ...values } = validateArticle(form, categories);
  return inTransaction(platform, site, async (db, p) => {
    if (await sitesRepo.slugUsed(db, site.id, values.slug)) slugConflict();
    const a = await sitesRepo.insertArticle(db, { ...values, site_id: site.id, status: 'draft', created_by: user.id });
    await revise(db, a, user, note);
    await recordAudit(p, { actor: user, action: 'article.create', entity: 'article', entityId: a.id, agencyId: site.agency_id, ip, data: { site: site.slug, slug: a.slug, title: a.title, kind: a.kind } });
    return a;
  });
}

/** Saves an edit; `version` is the one the editor opened: a save over someone else's newer one is refused. */
export async function updateArticle(platform: Platform, actor: Actor, slug: string, id: number, form: ArticleForm, ip: string | null): Promise<Article> {
  const site = await getSite(platform, slug);
  const user = requireSiteEditor(actor, site);
  if (!mayEdit(user, site)) throw HttpErrors.FORBIDDEN();
  const categories = await sitesRepo.categories(sitesDb(platform.database.db), site.id);
  const { note, ...values } = validateArticle(form, categories);
  return inTransaction(platform, site, async (db, p) => {
    const before = await sitesRepo.lock(db, id);
    if (!before || before.site_id !== site.id) throw SiteErrors.ARTICLE_NOT_FOUND();
    if (String(before.version) !== form.version) throw SiteErrors.STALE_VERSION();
    if (await sitesRepo.slugUsed(db, site.id, values.slug, id)) slugConflict();
    const a = await sitesRepo.updateArticle(db, id, { ...values, version: before.version + 1 });
    await revise(db, a, user, note);
    if (a.status === 'published') await sitesRepo.addWords(db, [a.id]);
    await recordAudit(p, {
      actor: user,
      action: 'article.update',
      entity: 'article',
      entityId: a.id,
      agencyId: site.agency_id,
      ip,
      data: { site: site.slug, version: a.version, title: before.title === a.title ? undefined : { before: before.title, after: a.title }, status: a.status },
    });
    return a;
  });
}

export type ArticleAction = 'submit' | 'publish' | 'return' | 'unpublish';
/** From which states each action may start (issue 12: draft → review → published; unpublish; return for changes). */
const FROM: Record<ArticleAction, readonly ArticleStatus[]> = {
  submit: ['draft', 'unpublished'],
  publish: ['review'],
  return: ['review'],
  unpublish: ['published'],
};
const TO: Record<ArticleAction, ArticleStatus> = { submit: 'review', publish: 'published', return: 'draft', unpublish: 'unpublished' };

export function isArticleAction(s: string): s is ArticleAction {
  return s in FROM;
}

/** An action of the workflow; `publishAt` (publish only) is the typed Vietnam time, '' for now. */
export async function actOnArticle(
  platform: Platform,
  actor: Actor,
  slug: string,
  id: number,
  action: ArticleAction,
  opts: { publishAt?: string; version: string; note?: string },
  ip: string | null,
  now = new Date(),
): Promise<Article> {
  const site = await getSite(platform, slug);
  const user = requireSiteEditor(actor, site);
  const allowed = action === 'submit' ? mayEdit(user, site) : mayApprove(user, site);
  if (!allowed) throw HttpErrors.FORBIDDEN();
  const at = action === 'publish' ? (parsePublishAt(opts.publishAt ?? '') ?? now) : undefined;
  return inTransaction(platform, site, async (db, p) => {
    const before = await sitesRepo.lock(db, id);
    if (!before || before.site_id !== site.id) throw SiteErrors.ARTICLE_NOT_FOUND();
    if (String(before.version) !== opts.version || !FROM[action].includes(before.status)) throw SiteErrors.WRONG_STATE();
    const a = await sitesRepo.updateArticle(db, id, {
      status: TO[action],
      version: before.version + 1,
      ...(at ? { publish_at: at } : {}),
    });
    await revise(db, a, user, opts.note ?? '');
    if (a.status === 'published') await sitesRepo.addWords(db, [a.id]);
    await recordAudit(p, {
      actor: user,
      action: `article.${action}`,
      entity: 'article',
      entityId: a.id,
      agencyId: site.agency_id,
      ip,
      data: { site: site.slug, from: before.status, to: a.status, ...(at ? { publishAt: at.toISOString(), scheduled: at > now } : {}) },
    });
    return a;
  });
}
