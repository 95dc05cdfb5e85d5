// Readers' pages: the comments under an article (a section of the kept article page, so no form there), the comments
// page of an article with the form and a report button on each published comment, and the page after sending.
import type { FastifyRequest } from 'fastify';
import type { Children } from '@kitajs/html';
import type { FieldError } from '../../../platform/http/errors.ts';
import { attrValue, CsrfField, ErrorSummary, Field, Page, TextAreaField } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import type { Article, Site } from '../../sites/index.ts';
import type { CommentForm } from '../input.ts';
import { LIMITS } from '../input.ts';
import { FIELDS, pub } from '../messages.ts';
import type { Comment } from '../repo.ts';

export const articleUrl = (site: Pick<Site, 'slug'>, a: Pick<Article, 'slug'>): string => `/trang/${site.slug}/tin/${a.slug}`;
export const commentsUrl = (site: Pick<Site, 'slug'>, a: Pick<Article, 'slug'>): string => `${articleUrl(site, a)}/binh-luan`;

const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const f = errors.find((x) => x.field === field);
  return f ? t(lang, f.message) : undefined;
};
export const summaryOf = (lang: Lang, errors: readonly FieldError[]) => errors.map((x) => ({ field: x.field, message: t(lang, x.message) }));

/** A published comment: its title, who and when, its text (never the phone number). */
function CommentItem({ lang, c, children }: { lang: Lang; c: Comment; children?: Children }): JSX.Element {
  const when = c.published_at ?? c.created_at;
  return (
    <li id={`y-kien-${c.id}`} class="comment">
      <h3 safe>{c.title}</h3>
      <p class="article-meta">
        <span safe>{c.name}</span>, <time datetime={when.toISOString()} safe>{formatDateTime(lang, when)}</time>
      </p>
      <p class="pre-line" safe>
        {c.body}
      </p>
      {children}
    </li>
  );
}

/** Under an article (sites' kept page): the published comments and links to write one or report one. */
export function CommentsSection({ lang, site, article, comments, total }: { lang: Lang; site: Site; article: Article; comments: readonly Comment[]; total: number }): JSX.Element {
  return (
    <section class="comments" aria-labelledby="y-kien">
      <h2 id="y-kien" safe>{`${t(lang, pub.section)} (${total})`}</h2>
      {comments.length === 0 ? (
        <p safe>{t(lang, pub.none)}</p>
      ) : (
        <ol class="comment-list">
          {comments.map((c) => (
            <CommentItem lang={lang} c={c} />
          ))}
        </ol>
      )}
      <p>
        <a class="button" href={commentsUrl(site, article)} safe>
          {t(lang, pub.write)}
        </a>
      </p>
      {total > 0 ? (
        <p>
          <a href={`${commentsUrl(site, article)}#da-dang`} safe>
            {t(lang, pub.all, { n: total })}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

/** The proof of work (platform/auth/pow.ts): solved by /static/altcha.js, or accepted 30 seconds later without it. */
function Proof({ lang, challenge, error }: { lang: Lang; challenge: string; error: string | undefined }): JSX.Element {
  return (
    <div id="altcha" class={error ? 'proof field-error' : 'proof'}>
      {error ? (
        <p class="error-message" id="altcha-error" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <input type="hidden" name="altcha_challenge" value={challenge} />
      <input type="hidden" name="altcha_number" value="" />
      <p id="altcha-status" role="status" data-done={t(lang, pub.proofDone)} safe>
        {t(lang, pub.proofLead)}
      </p>
      <script src="/static/altcha.js" defer></script>
    </div>
  );
}

export interface CommentPageView {
  site: Site;
  article: Article;
  comments: Comment[];
  form: CommentForm;
  errors: FieldError[];
  challenge: string;
  /** After a report: 'reported' or 'again'. */
  notice?: 'reported' | 'again' | undefined;
}

export function CommentPage({ req, view }: { req: FastifyRequest; view: CommentPageView }): JSX.Element {
  const lang = req.lang;
  const { site, article, form, errors } = view;
  const err = (f: string) => errorOf(lang, errors, f);
  const action = commentsUrl(site, article);
  return (
    <Page req={req} title={t(lang, pub.formTitle, { title: article.title })}>
      <p>
        <a class="back-link" href={articleUrl(site, article)} safe>
          {t(lang, pub.back)}
        </a>
      </p>
      <h1 safe>{t(lang, pub.formTitle, { title: article.title })}</h1>
      {view.notice ? (
        <div class="notice success" role="status">
          <p safe>{t(lang, view.notice === 'reported' ? pub.reported : pub.reportedAgain)}</p>
        </div>
      ) : (
        ''
      )}
      <p safe>{t(lang, site.pre_moderation ? pub.lead : pub.leadOpen)}</p>
      <form method="post" action={action} id="comment-form" novalidate>
        <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
        <CsrfField req={req} />
        <Field id="name" label={t(lang, FIELDS.name)} value={form.name} error={err('name')} autocomplete="name" required />
        <Field id="phone" label={t(lang, FIELDS.phone)} value={form.phone} error={err('phone')} type="tel" autocomplete="tel" inputmode="tel" />
        <Field id="title" label={t(lang, FIELDS.title)} value={form.title} error={err('title')} required />
        <TextAreaField id="body" label={t(lang, FIELDS.body)} value={form.body} error={err('body')} hint={t(lang, pub.bodyHint, { max: LIMITS.body })} rows={8} required />
        <Proof lang={lang} challenge={view.challenge} error={err('altcha')} />
        <button type="submit" safe>
          {t(lang, pub.send)}
        </button>
      </form>
      <h2 id="da-dang" safe>{`${t(lang, pub.listTitle)} (${view.comments.length})`}</h2>
      {view.comments.length === 0 ? (
        <p safe>{t(lang, pub.none)}</p>
      ) : (
        <ol class="comment-list">
          {view.comments.map((c) => (
            <CommentItem lang={lang} c={c}>
              <form method="post" action={`${action}/${c.id}/bao-cao`} class="inline-form">
                <CsrfField req={req} />
                <button type="submit" class="secondary" aria-label={attrValue(t(lang, pub.reportLabel, { title: c.title }))} safe>
                  {t(lang, pub.report)}
                </button>
              </form>
            </CommentItem>
          ))}
        </ol>
      )}
    </Page>
  );
}

export function SentPage({ req, site, article, published }: { req: FastifyRequest; site: Site; article: Article; published: boolean }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pub.sentTitle} narrow>
      <h1 safe>{t(lang, pub.sentTitle)}</h1>
      <div class="notice success" role="status">
        <p safe>{t(lang, published ? pub.sentPublished : pub.sentPending)}</p>
      </div>
      <p>
        <a href={published ? `${articleUrl(site, article)}#y-kien` : articleUrl(site, article)} safe>
          {t(lang, pub.back)}
        </a>
      </p>
    </Page>
  );
}
