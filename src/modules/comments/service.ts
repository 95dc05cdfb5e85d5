// The readers' side of the comments (issue 12 "Comments"): sending one (with the proof of work, refused for a blocked
// sender and over the rate limits), what an article shows, and reports, which hide a published comment at the site's
// threshold until a moderator decides (Decidim: reports → threshold auto-hide → moderator queue → logged decision).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { verifyProof, type ProofResult } from '../../platform/auth/pow.ts';
import { hmac, randomToken } from '../../platform/auth/tokens.ts';
import { settingOnce, type PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { type FieldError, HttpErrors } from '../../platform/http/errors.ts';
import { formatDateTime, t, type Text } from '../../platform/web/i18n.ts';
import { type Article, findPublishedArticle, forgetSitePages, type Site } from '../sites/index.ts';
import { CommentErrors } from './errors.ts';
import { checkComment, type CommentForm } from './input.ts';
import { inputErrors, tooMany } from './messages.ts';
import { type Comment, commentsDb, commentsRepo } from './repo.ts';

/** Issue 12: a few comments per address and fewer per phone number in a window; counted over every site. */
export const RATE = { windowMinutes: 10, perAddress: 5, perPhone: 3 } as const;
/** Comments an article page shows (the comments page shows up to LIST_MAX). */
export const ARTICLE_SHOWS = 20;
export const LIST_MAX = 500;

const secrets = new WeakMap<Kysely<PlatformTables>, Promise<string>>();
/** A keyed hash of a reader's address: the address itself is never stored (the key is in settings, shared by servers). */
export async function addressHash(db: Kysely<PlatformTables>, ip: string | null): Promise<string> {
  let s = secrets.get(db);
  if (!s) {
    s = settingOnce(db, 'comments_address_secret', randomToken());
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return hmac(await s, `address|${ip ?? 'unknown'}`);
}

export async function articleOrNotFound(platform: Platform, siteSlug: string, slug: string): Promise<{ site: Site; article: Article }> {
  const found = await findPublishedArticle(platform, siteSlug, slug);
  if (!found) throw HttpErrors.NOT_FOUND();
  return found;
}

const PROOF_ERRORS: Record<Exclude<ProofResult, 'ok'>, Text> = { missing: inputErrors.proofMissing, invalid: inputErrors.proofInvalid, too_soon: inputErrors.proofTooSoon };

/** When the sender may try again: the oldest comment of the window leaves it then. */
async function retryAfter(platform: Platform, by: { ip_hash: string } | { phone: string }, max: number, now: Date): Promise<number> {
  const windowMs = RATE.windowMinutes * 60_000;
  const times = await commentsRepo.sentSince(commentsDb(platform.database.db), by, new Date(now.getTime() - windowMs));
  if (times.length < max) return 0;
  const oldest = times[times.length - max] as Date;
  return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
}

export interface Sent {
  site: Site;
  article: Article;
  comment: Comment;
}

/**
 * A reader's comment: checked (fields, proof of work), refused for a blocked sender (403) or over the rate limits
 * (429 with `details.retry_after_seconds`), then stored pending, or published at once on a site without
 * pre-moderation.
 */
export async function submitComment(
  platform: Platform,
  target: { site: string; slug: string },
  form: CommentForm,
  proof: { challenge: string | undefined; number: string | undefined },
  ip: string | null,
  now = new Date(),
): Promise<Sent> {
  const { site, article } = await articleOrNotFound(platform, target.site, target.slug);
  const db = platform.database.db;
  const { values, errors } = checkComment(form);
  const result = await verifyProof(db, proof.challenge, proof.number, now);
  const fields: FieldError[] = result === 'ok' ? errors : [...errors, { field: 'altcha', message: PROOF_ERRORS[result] }];
  if (fields.length > 0) throw CommentErrors.INVALID_COMMENT({ fields });
  const ipHash = await addressHash(db, ip);
  if (await commentsRepo.isBlocked(commentsDb(db), site.id, values.phone, ipHash)) throw CommentErrors.BLOCKED();
  const wait = Math.max(
    await retryAfter(platform, { ip_hash: ipHash }, RATE.perAddress, now),
    values.phone ? await retryAfter(platform, { phone: values.phone }, RATE.perPhone, now) : 0,
  );
  if (wait > 0) {
    const text = tooMany(Math.ceil(wait / 60), formatDateTime('vi', new Date(now.getTime() + wait * 1000)));
    throw CommentErrors.TOO_MANY({ vi: t('vi', text), en: t('en', text), details: { retry_after_seconds: wait } });
  }
  const published = !site.pre_moderation;
  const comment = await commentsRepo.insert(commentsDb(db), {
    site_id: site.id,
    article_id: article.id,
    ...values,
    status: published ? 'published' : 'pending',
    ip_hash: ipHash,
    published_at: published ? now : null,
  });
  if (published) forgetSitePages(platform, site.slug);
  return { site, article, comment };
}

export async function publishedComments(platform: Platform, article: Article, limit: number): Promise<{ comments: Comment[]; total: number }> {
  const db = commentsDb(platform.database.db);
  const [comments, total] = await Promise.all([commentsRepo.published(db, article.id, limit), commentsRepo.countPublished(db, article.id)]);
  return { comments, total };
}

/**
 * A reader reports a published comment: once per address; at the site's threshold it is hidden pending review, with
 * an audit row in the same transaction (no address in it: readers' addresses are kept only hashed). 'again' when this
 * address had reported it already.
 */
export async function reportComment(platform: Platform, target: { site: string; slug: string }, id: number, ip: string | null): Promise<'reported' | 'again'> {
  const { site, article } = await articleOrNotFound(platform, target.site, target.slug);
  const ipHash = await addressHash(platform.database.db, ip);
  const out = await platform.database.db.transaction().execute(async (trx) => {
    const db = commentsDb(trx);
    const c = await commentsRepo.lock(db, id);
    if (!c || c.article_id !== article.id || c.status !== 'published') throw CommentErrors.COMMENT_NOT_FOUND();
    if (!(await commentsRepo.addReport(db, c.id, ipHash))) return { result: 'again' as const, hidden: false };
    const reports = c.reports + 1;
    const hide = reports >= site.comment_report_threshold;
    await commentsRepo.update(db, c.id, { reports, ...(hide ? { status: 'hidden' as const } : {}) });
    if (hide) {
      await recordAudit(trx, { actor: null, action: 'comment.auto_hide', entity: 'comment', entityId: c.id, agencyId: site.agency_id, ip: null, data: { site: site.slug, reports, threshold: site.comment_report_threshold } });
    }
    return { result: 'reported' as const, hidden: hide };
  });
  if (out.hidden) forgetSitePages(platform, site.slug);
  return out.result;
}
