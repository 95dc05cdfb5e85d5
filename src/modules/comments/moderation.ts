// The moderators' side (issue 12 "Comments"): staff with the role `moderator` of the site's agency, or an
// administrator (on every site, as for editors), see what waits (new comments, hidden ones) and decide: approve,
// reject with a reason, edit (the original kept in the audit row), block a sender by phone number and/or address hash,
// lift a block. Every decision is one transaction with its audit row; readers see it at once (the site's kept pages
// are dropped).
import type { Kysely } from 'kysely';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { articleTitles, findSite, forgetSitePages, mayChangeCommentSettings, type Site } from '../sites/index.ts';
import { CommentErrors } from './errors.ts';
import { checkEdit, checkReason, type CommentForm } from './input.ts';
import { inputErrors } from './messages.ts';
import { type Comment, type CommentBlock, type CommentStatus, type CommentsDb, commentsDb, commentsRepo } from './repo.ts';

const QUEUE_MAX = 200;
const RECENT = 20;

export function mayModerate(user: SessionUser, site: Site): boolean {
  return user.roles.includes('admin') || (user.roles.includes('moderator') && user.agencyId !== null && user.agencyId === site.agency_id);
}

async function moderatedSite(platform: Platform, actor: Actor, slug: string): Promise<{ site: Site; user: SessionUser }> {
  const user = requireStaff(actor, 'moderator', 'admin');
  const site = await findSite(platform, slug);
  if (!site) throw HttpErrors.NOT_FOUND();
  if (!mayModerate(user, site)) throw HttpErrors.FORBIDDEN();
  return { site, user };
}

export interface ModerationView {
  site: Site;
  user: SessionUser;
  queue: Comment[];
  recent: Comment[];
  blocks: CommentBlock[];
  titles: Map<number, { slug: string; title: string }>;
  maySettings: boolean;
}

export async function moderationView(platform: Platform, actor: Actor, slug: string): Promise<ModerationView> {
  const { site, user } = await moderatedSite(platform, actor, slug);
  const db = commentsDb(platform.database.db);
  const [queue, recent, blocks] = await Promise.all([commentsRepo.queue(db, site.id, QUEUE_MAX), commentsRepo.recentPublished(db, site.id, RECENT), commentsRepo.activeBlocks(db, site.id)]);
  const titles = await articleTitles(platform, site, [...queue, ...recent].map((c) => c.article_id));
  return { site, user, queue, recent, blocks, titles, maySettings: mayChangeCommentSettings(user, site) };
}

export async function commentForModerator(platform: Platform, actor: Actor, slug: string, id: number): Promise<{ site: Site; user: SessionUser; comment: Comment; article: { slug: string; title: string } | undefined }> {
  const { site, user } = await moderatedSite(platform, actor, slug);
  const comment = await commentsRepo.find(commentsDb(platform.database.db), id);
  if (!comment || comment.site_id !== site.id) throw CommentErrors.COMMENT_NOT_FOUND();
  return { site, user, comment, article: (await articleTitles(platform, site, [comment.article_id])).get(comment.article_id) };
}

/** One decision on one comment: locked, checked against the states it may start from, audited, pages dropped. */
async function decide<T>(
  platform: Platform,
  actor: Actor,
  slug: string,
  id: number,
  from: readonly CommentStatus[],
  work: (c: { db: CommentsDb; trx: Kysely<PlatformTables>; comment: Comment; site: Site; user: SessionUser }) => Promise<T>,
): Promise<T> {
  const { site, user } = await moderatedSite(platform, actor, slug);
  const out = await platform.database.db.transaction().execute(async (trx) => {
    const db = commentsDb(trx);
    const comment = await commentsRepo.lock(db, id);
    if (!comment || comment.site_id !== site.id) throw CommentErrors.COMMENT_NOT_FOUND();
    if (!from.includes(comment.status)) throw CommentErrors.WRONG_STATE();
    return work({ db, trx, comment, site, user });
  });
  forgetSitePages(platform, site.slug);
  return out;
}

const audit = (trx: Kysely<PlatformTables>, user: SessionUser, site: Site, action: string, c: Comment, ip: string | null, data: Record<string, unknown>) =>
  recordAudit(trx, { actor: user, action, entity: 'comment', entityId: c.id, agencyId: site.agency_id, ip, data: { site: site.slug, article: c.article_id, from: c.status, ...data } });

/** Publishes a new or hidden comment; a hidden one's reports start again from none. */
export function approveComment(platform: Platform, actor: Actor, slug: string, id: number, ip: string | null, now = new Date()): Promise<Comment> {
  return decide(platform, actor, slug, id, ['pending', 'hidden'], async ({ db, trx, comment, site, user }) => {
    const c = await commentsRepo.update(db, id, { status: 'published', reports: 0, reason: null, published_at: comment.published_at ?? now, decided_by: user.id, decided_at: now });
    await audit(trx, user, site, 'comment.approve', comment, ip, { reports: comment.reports });
    return c;
  });
}

export async function rejectComment(platform: Platform, actor: Actor, slug: string, id: number, reasonTyped: string, ip: string | null, now = new Date()): Promise<Comment> {
  const { value: reason, errors } = checkReason(reasonTyped);
  if (errors.length > 0) {
    await moderatedSite(platform, actor, slug);
    throw CommentErrors.INVALID_DECISION({ fields: errors });
  }
  return decide(platform, actor, slug, id, ['pending', 'hidden', 'published'], async ({ db, trx, comment, site, user }) => {
    const c = await commentsRepo.update(db, id, { status: 'rejected', reason, decided_by: user.id, decided_at: now });
    await audit(trx, user, site, 'comment.reject', comment, ip, { reason });
    return c;
  });
}

/** A moderator's edit of name, title and text (e.g. a phone number or an insult typed in the text). */
export async function editComment(platform: Platform, actor: Actor, slug: string, id: number, form: Pick<CommentForm, 'name' | 'title' | 'body'>, ip: string | null, now = new Date()): Promise<Comment> {
  const { values, errors } = checkEdit(form);
  if (errors.length > 0) {
    await moderatedSite(platform, actor, slug);
    throw CommentErrors.INVALID_DECISION({ fields: errors });
  }
  return decide(platform, actor, slug, id, ['pending', 'hidden', 'published'], async ({ db, trx, comment, site, user }) => {
    const c = await commentsRepo.update(db, id, { ...values, decided_by: user.id, decided_at: now });
    await audit(trx, user, site, 'comment.edit', comment, ip, {
      before: { name: comment.name, title: comment.title, body: comment.body },
      after: { name: c.name, title: c.title, body: c.body },
    });
    return c;
  });
}

export interface BlockChoice {
  byPhone: boolean;
  byAddress: boolean;
  /** Every site: administrators only. */
  everywhere: boolean;
  reason: string;
}

/** Blocks the sender of a comment: their new comments are refused on this site (or every site). */
export async function blockSender(platform: Platform, actor: Actor, slug: string, id: number, choice: BlockChoice, ip: string | null): Promise<CommentBlock> {
  const { value: reason, errors } = checkReason(choice.reason, 'block-reason');
  if (!choice.byPhone && !choice.byAddress) errors.push({ field: 'by-address', message: inputErrors.blockWhat });
  if (errors.length > 0) {
    await moderatedSite(platform, actor, slug);
    throw CommentErrors.INVALID_DECISION({ fields: errors });
  }
  return decide(platform, actor, slug, id, ['pending', 'hidden', 'published', 'rejected'], async ({ db, trx, comment, site, user }) => {
    if (choice.everywhere && !user.roles.includes('admin')) throw HttpErrors.FORBIDDEN();
    const phone = choice.byPhone ? comment.phone : null;
    const ipHash = choice.byAddress ? comment.ip_hash : null;
    if (!phone && !ipHash) throw CommentErrors.INVALID_DECISION({ fields: [{ field: 'by-address', message: inputErrors.blockWhat }] });
    const b = await commentsRepo.insertBlock(db, { site_id: choice.everywhere ? null : site.id, phone, ip_hash: ipHash, reason, created_by: user.id, created_by_label: user.username });
    await recordAudit(trx, {
      actor: user,
      action: 'comment.block',
      entity: 'comment_block',
      entityId: b.id,
      agencyId: site.agency_id,
      ip,
      data: { site: site.slug, comment: comment.id, byPhone: phone !== null, byAddress: ipHash !== null, everywhere: choice.everywhere, reason },
    });
    return b;
  });
}

export async function unblockSender(platform: Platform, actor: Actor, slug: string, blockId: number, ip: string | null): Promise<void> {
  const { site, user } = await moderatedSite(platform, actor, slug);
  await platform.database.db.transaction().execute(async (trx) => {
    const db = commentsDb(trx);
    const b = await commentsRepo.lockBlock(db, blockId);
    if (!b || b.lifted_at !== null || (b.site_id !== site.id && b.site_id !== null)) throw CommentErrors.COMMENT_NOT_FOUND();
    // A block on every site is an administrator's; a site's moderator lifts only the site's own.
    if (b.site_id === null && !user.roles.includes('admin')) throw HttpErrors.FORBIDDEN();
    await commentsRepo.liftBlock(db, b.id, user.id);
    await recordAudit(trx, { actor: user, action: 'comment.unblock', entity: 'comment_block', entityId: b.id, agencyId: site.agency_id, ip, data: { site: site.slug, reason: b.reason } });
  });
}
