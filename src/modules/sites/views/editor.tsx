// Editors' pages of a site: the list of its articles with a form for a new one; an article's edit page with the
// workflow's buttons; its revision history with the difference between two versions.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import { articlePath } from '../feeds.ts';
import type { ArticleForm } from '../input.ts';
import { ARTICLE_KINDS } from '../input.ts';
import { editor as e, FIELDS, KIND_LABELS, SCHEDULED_LABEL, STATUS_LABELS } from '../messages.ts';
import type { Article, Category, Revision, Site } from '../repo.ts';
import type { Media } from '../media-repo.ts';
import { imageSnippet } from '../media.ts';
import { isVisible } from '../service.ts';
import { categoryName, siteName } from './parts.tsx';

export const editorUrl = (site: Pick<Site, 'slug'>): string => `/quan-tri/trang/${site.slug}`;
export const articleEditUrl = (site: Pick<Site, 'slug'>, id: number, saved?: string): string => `/quan-tri/trang/${site.slug}/bai-viet/${id}${saved ? `?saved=${saved}` : ''}`;

export function statusLabel(lang: Lang, a: Article, now = new Date()): string {
  if (a.status === 'published' && !isVisible(a, now)) return t(lang, SCHEDULED_LABEL);
  return t(lang, STATUS_LABELS[a.status]);
}

function errorOf(lang: Lang, errors: FieldError[], field: string): string | undefined {
  const f = errors.find((x) => x.field === field);
  return f ? t(lang, f.message) : undefined;
}

function ArticleFields({ lang, form, errors, categories }: { lang: Lang; form: ArticleForm; errors: FieldError[]; categories: readonly Category[] }): JSX.Element {
  const err = (f: string) => errorOf(lang, errors, f);
  return (
    <>
      <input type="hidden" name="version" value={form.version} />
      <SelectField id="kind" label={t(lang, FIELDS.kind)} value={form.kind} error={err('kind')} options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(lang, KIND_LABELS[k]) }))} />
      <Field id="title" label={t(lang, FIELDS.title)} value={form.title} error={err('title')} required />
      <Field id="slug" label={t(lang, FIELDS.slug)} value={form.slug} error={err('slug')} hint={t(lang, e.slugHint)} />
      <TextAreaField id="summary" label={t(lang, FIELDS.summary)} value={form.summary} error={err('summary')} rows={3} />
      <TextAreaField id="body" label={t(lang, FIELDS.body)} value={form.body} error={err('body')} hint={t(lang, e.bodyHint)} rows={14} required />
      <SelectField
        id="category"
        label={t(lang, FIELDS.category)}
        value={form.category}
        error={err('category')}
        options={[{ value: '', label: t(lang, e.noCategory) }, ...categories.map((c) => ({ value: String(c.id), label: categoryName(lang, c) }))]}
      />
      <Field id="tags" label={t(lang, FIELDS.tags)} value={form.tags} error={err('tags')} />
      <div class="field choice">
        <input type="checkbox" id="featured" name="featured" value="on" checked={form.featured === 'on' || form.featured === 'true'} />
        <label for="featured" safe>
          {t(lang, FIELDS.featured)}
        </label>
      </div>
      <Field id="documentNo" label={t(lang, FIELDS.documentNo)} value={form.documentNo} error={err('documentNo')} />
      <Field id="documentDate" label={t(lang, FIELDS.documentDate)} type="date" value={form.documentDate} error={err('documentDate')} />
      <Field id="signer" label={t(lang, FIELDS.signer)} value={form.signer} error={err('signer')} />
      <Field id="note" label={t(lang, FIELDS.note)} value={form.note} error={err('note')} />
    </>
  );
}

const summaryOf = (lang: Lang, errors: FieldError[]) => errors.map((x) => ({ field: x.field, message: t(lang, x.message) }));

export function EditorListPage({ req, site, articles, categories, form, errors }: { req: FastifyRequest; site: Site; articles: Article[]; categories: Category[]; form: ArticleForm; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={t(lang, e.title, { site: siteName(lang, site) })}>
      <h1 safe>{t(lang, e.title, { site: siteName(lang, site) })}</h1>
      <ul>
        <li>
          <a href={`/trang/${site.slug}`} safe>
            {t(lang, e.view)}
          </a>
        </li>
        <li>
          <a href={`${editorUrl(site)}/binh-luan`} safe>
            {t(lang, e.comments)}
          </a>
        </li>
      </ul>
      <div class="table-frame cards-on-phone">
        <table class="cards-on-phone">
          <caption safe>{t(lang, e.listCaption)}</caption>
          <thead>
            <tr>
              {[e.colTitle, e.colKind, e.colStatus, e.colChanged].map((h) => (
                <th scope="col" safe>
                  {t(lang, h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr>
                <td data-label={t(lang, e.colTitle)}>
                  <a href={articleEditUrl(site, a.id)} safe>
                    {a.title}
                  </a>
                </td>
                <td data-label={t(lang, e.colKind)} safe>
                  {t(lang, KIND_LABELS[a.kind])}
                </td>
                <td data-label={t(lang, e.colStatus)} safe>
                  {statusLabel(lang, a)}
                </td>
                <td data-label={t(lang, e.colChanged)} safe>
                  {formatDateTime(lang, a.updated_at)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new" safe>
        {t(lang, e.newArticle)}
      </h2>
      <form method="post" action={`${editorUrl(site)}/bai-viet`} novalidate>
        <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
        <CsrfField req={req} />
        <ArticleFields lang={lang} form={form} errors={errors} categories={categories} />
        <button type="submit" safe>
          {t(lang, e.save)}
        </button>
      </form>
    </Page>
  );
}

function ActionForm({ req, site, a, action, label, children, danger }: { req: FastifyRequest; site: Site; a: Article; action: string; label: string; children?: JSX.Element; danger?: boolean }): JSX.Element {
  const safeFields = children ?? '';
  return (
    <form method="post" action={`${articleEditUrl(site, a.id)}/${action}`} class="action">
      <CsrfField req={req} />
      <input type="hidden" name="version" value={String(a.version)} />
      {safeFields}
      <button type="submit" class={danger ? 'danger' : undefined} safe>
        {label}
      </button>
    </form>
  );
}

function MediaSection({ req, site, a, media, errors }: { req: FastifyRequest; site: Site; a: Article; media: readonly Media[]; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const fileError = errorOf(lang, errors, 'file');
  return (
    <section aria-labelledby="media">
      <h2 id="media" safe>
        {t(lang, e.media)}
      </h2>
      <ul class="article-list">
        {media.map((m) => (
          <li>
            {m.kind === 'image' ? (
              <>
                <img src={`/anh/${m.id}/480.webp`} alt={m.alt} width="240" />
                <p>
                  <span safe>{`${t(lang, e.snippet)}: `}</span>
                  <code safe>{imageSnippet(m)}</code>
                </p>
              </>
            ) : (
              <a href={`/tep/${m.id}/${encodeURIComponent(m.name)}`} safe>
                {`${m.name} (${Math.ceil(m.size / 1024)} KB)`}
              </a>
            )}
            <form method="post" action={`${articleEditUrl(site, a.id)}/tep/${m.id}/xoa`} class="inline-form">
              <CsrfField req={req} />
              <button type="submit" class="link-button" safe>
                {t(lang, e.remove, { name: m.name })}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${articleEditUrl(site, a.id)}/tep`} enctype="multipart/form-data" novalidate>
        <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
        <CsrfField req={req} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="file" safe>
            {t(lang, e.file)}
          </label>
          <p class="hint" id="file-hint" safe>
            {t(lang, e.mediaHint)}
          </p>
          {fileError ? (
            <p class="error-message" id="file-error" safe>
              {fileError}
            </p>
          ) : (
            ''
          )}
          <input type="file" id="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif,.pdf,.docx,.xlsx" aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <Field id="alt" label={t(lang, e.alt)} />
        <button type="submit" safe>
          {t(lang, e.upload)}
        </button>
      </form>
    </section>
  );
}

export function EditArticlePage({ req, site, article, categories, form, errors, saved, media, uploadErrors }: { req: FastifyRequest; site: Site; article: Article; categories: Category[]; form: ArticleForm; errors: FieldError[]; saved?: string | undefined; media: readonly Media[]; uploadErrors?: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const a = article;
  const savedText = saved && saved in e.saved ? t(lang, e.saved[saved as keyof typeof e.saved]) : undefined;
  const publishError = errorOf(lang, errors, 'publishAt');
  return (
    <Page req={req} title={t(lang, e.editArticle, { title: a.title })}>
      <p>
        <a href={editorUrl(site)} safe>
          {t(lang, e.title, { site: siteName(lang, site) })}
        </a>
      </p>
      <h1 safe>{t(lang, e.editArticle, { title: a.title })}</h1>
      {savedText ? (
        <div class="notice success" role="status">
          <p safe>{savedText}</p>
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t(lang, e.colStatus)}</dt>
        <dd safe>{`${statusLabel(lang, a)}${a.publish_at ? ` · ${formatDateTime(lang, a.publish_at)}` : ''}`}</dd>
        <dt safe>{t(lang, e.version, { n: '' }).trim()}</dt>
        <dd safe>{String(a.version)}</dd>
      </dl>
      <p>
        <a href={`${articleEditUrl(site, a.id)}/lich-su`} safe>
          {t(lang, e.history)}
        </a>
        {isVisible(a, new Date()) ? (
          <>
            {' · '}
            <a href={articlePath(site, a)} safe>
              {t(lang, e.view)}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {a.status === 'draft' || a.status === 'unpublished' ? <ActionForm req={req} site={site} a={a} action="submit" label={t(lang, e.submit)} /> : ''}
      {a.status === 'review' ? (
        <>
          <ActionForm req={req} site={site} a={a} action="publish" label={t(lang, e.publish)}>
            <Field id="publishAt" label={t(lang, FIELDS.publishAt)} type="datetime-local" hint={t(lang, e.publishHint)} error={publishError} />
          </ActionForm>
          <ActionForm req={req} site={site} a={a} action="return" label={t(lang, e.returnToDraft)} />
        </>
      ) : (
        ''
      )}
      {a.status === 'published' ? <ActionForm req={req} site={site} a={a} action="unpublish" label={t(lang, e.unpublish)} danger /> : ''}
      <form method="post" action={articleEditUrl(site, a.id)} novalidate>
        <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
        <CsrfField req={req} />
        <ArticleFields lang={lang} form={form} errors={errors} categories={categories} />
        <button type="submit" safe>
          {t(lang, e.saveChanges)}
        </button>
      </form>
      <MediaSection req={req} site={site} a={a} media={media} errors={uploadErrors ?? []} />
    </Page>
  );
}

export function HistoryPage({ req, site, article, revisions, diff }: { req: FastifyRequest; site: Site; article: Article; revisions: Revision[]; diff: { a: number; b: number; html: string; added: number; removed: number } | undefined }): JSX.Element {
  const lang = req.lang;
  const safeDiff = diff?.html ?? '';
  return (
    <Page req={req} title={`${t(lang, e.history)}: ${article.title}`}>
      <p>
        <a href={articleEditUrl(site, article.id)} safe>
          {t(lang, e.editArticle, { title: article.title })}
        </a>
      </p>
      <h1 safe>{`${t(lang, e.history)}: ${article.title}`}</h1>
      <ol class="revisions">
        {revisions.map((r) => (
          <li>
            <strong safe>{t(lang, e.version, { n: r.version })}</strong>{' '}
            <span safe>{`· ${t(lang, STATUS_LABELS[r.status as Article['status']] ?? { vi: r.status, en: r.status })} · ${t(lang, e.by, { who: r.actor_label, when: formatDateTime(lang, r.created_at) })}`}</span>
            {r.note ? <span safe>{` · ${r.note}`}</span> : ''}
            {r.version > 1 ? (
              <>
                {' · '}
                <a href={`${articleEditUrl(site, article.id)}/lich-su?a=${r.version - 1}&b=${r.version}`} safe>
                  {t(lang, e.compare, { a: r.version - 1, b: r.version })}
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {diff ? (
        <section aria-labelledby="diff">
          <h2 id="diff" safe>
            {t(lang, e.compare, { a: diff.a, b: diff.b })}
          </h2>
          <p safe>{`${t(lang, e.addedWords, { n: diff.added })} · ${t(lang, e.removedWords, { n: diff.removed })}`}</p>
          <div class="diff">{safeDiff}</div>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
