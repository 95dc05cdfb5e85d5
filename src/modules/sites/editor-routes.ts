// Editors' addresses under /quan-tri/trang/:site. Access is checked by the service functions; a refused form is shown
// again with what was typed and the errors beside the fields, and nothing is saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { diffCounts, revisionDiff, revisionDiffHtml } from '../../platform/text/revision-diff.ts';
import { SiteErrors } from './errors.ts';
import { type ArticleForm, articleForm, EMPTY_FORM } from './input.ts';
import type { Article, Revision } from './repo.ts';
import { actOnArticle, articleForEditor, createArticle, editorView, isArticleAction, ownSite, revisionsOf, updateArticle } from './service.ts';
import { articleEditUrl, EditArticlePage, EditorListPage, HistoryPage } from './views/editor.tsx';
import { mediaOfArticle } from './media.ts';

type Params = Record<string, string>;

function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.status < 500 && err.status !== 403 && err.status !== 401 && (err.fields.length > 0 || err.code === 'STALE_VERSION') ? err : undefined;
}

function idOf(req: FastifyRequest): number {
  const id = (req.params as Params).id ?? '';
  if (!/^\d{1,15}$/.test(id)) throw SiteErrors.ARTICLE_NOT_FOUND();
  return Number(id);
}

/** The stored article as the edit form shows it. */
export function formOf(a: Article): ArticleForm {
  return {
    kind: a.kind,
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    body: a.body_html,
    category: a.category_id === null ? '' : String(a.category_id),
    tags: a.tags.join(', '),
    featured: a.featured ? 'on' : '',
    documentNo: a.document_no ?? '',
    documentDate: a.document_date ?? '',
    signer: a.signer ?? '',
    note: '',
    version: String(a.version),
  };
}

const asHtml = (r: Pick<Revision, 'title' | 'summary' | 'body_html'>): string => `<h2>${r.title.replaceAll('<', '&lt;')}</h2><p>${r.summary.replaceAll('<', '&lt;')}</p>${r.body_html}`;

/** The edit page of the article in the URL, with what was typed and the errors of a refused form or upload. */
export async function renderEditPage(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { form?: ArticleForm | undefined; errors?: FieldError[]; uploadErrors?: FieldError[]; status?: number },
): Promise<FastifyReply> {
  const v = await articleForEditor(platform, req.user, (req.params as Params).site ?? '', idOf(req));
  const saved = (req.query as Record<string, string | undefined>).saved;
  const media = await mediaOfArticle(platform, v.article.id);
  await reply.status(o.status ?? 200).html(
    EditArticlePage({ req, site: v.site, article: v.article, categories: v.categories, form: o.form ?? formOf(v.article), errors: o.errors ?? [], saved, media, uploadErrors: o.uploadErrors ?? [] }),
  );
  return reply;
}

export async function sitesEditorRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const site = (req: FastifyRequest): string => (req.params as Params).site ?? '';

  // An editor's own site; an administrator picks one from the list of sites.
  app.get('/quan-tri/trang', async (req, reply) => {
    const slug = await ownSite(platform, req.user);
    return reply.redirect(slug ? `/quan-tri/trang/${slug}` : '/trang', 303);
  });

  app.get('/quan-tri/trang/:site', async (req, reply) => {
    const v = await editorView(platform, req.user, site(req));
    return reply.html(EditorListPage({ req, site: v.site, articles: v.articles, categories: v.categories, form: { ...EMPTY_FORM }, errors: [] }));
  });

  app.post('/quan-tri/trang/:site/bai-viet', async (req, reply) => {
    const form = articleForm(req.body);
    try {
      const a = await createArticle(platform, req.user, site(req), form, req.ip);
      return reply.redirect(articleEditUrl({ slug: site(req) }, a.id, 'created'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      const v = await editorView(platform, req.user, site(req));
      return reply.status(e.status).html(EditorListPage({ req, site: v.site, articles: v.articles, categories: v.categories, form, errors: e.fields }));
    }
  });

  const renderEdit = (req: FastifyRequest, reply: FastifyReply, form: ArticleForm | undefined, errors: FieldError[], status = 200) =>
    renderEditPage(platform, req, reply, { form, errors, status });

  app.get('/quan-tri/trang/:site/bai-viet/:id', (req, reply) => renderEdit(req, reply, undefined, []));

  app.post('/quan-tri/trang/:site/bai-viet/:id', async (req, reply) => {
    const form = articleForm(req.body);
    try {
      await updateArticle(platform, req.user, site(req), idOf(req), form, req.ip);
      return reply.redirect(articleEditUrl({ slug: site(req) }, idOf(req), 'updated'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      // A save over someone else's newer version keeps what this editor typed, on the newer version's number.
      const fields: FieldError[] = e.fields.length > 0 ? e.fields : [{ field: 'title', message: e.text }];
      if (e.code === 'STALE_VERSION') {
        const v = await articleForEditor(platform, req.user, site(req), idOf(req));
        form.version = String(v.article.version);
      }
      return renderEdit(req, reply, form, fields, e.status);
    }
  });

  app.post('/quan-tri/trang/:site/bai-viet/:id/:action', async (req, reply) => {
    const action = (req.params as Params).action ?? '';
    if (!isArticleAction(action)) throw SiteErrors.ARTICLE_NOT_FOUND();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const str = (k: string): string => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    try {
      const a = await actOnArticle(platform, req.user, site(req), idOf(req), action, { publishAt: str('publishAt'), version: str('version'), note: str('note') }, req.ip);
      const saved = action === 'publish' ? (a.publish_at && a.publish_at > new Date() ? 'scheduled' : 'published') : action === 'submit' ? 'review' : action === 'return' ? 'draft' : 'unpublished';
      return reply.redirect(articleEditUrl({ slug: site(req) }, a.id, saved), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return renderEdit(req, reply, undefined, e.fields, e.status);
    }
  });

  app.get('/quan-tri/trang/:site/bai-viet/:id/lich-su', async (req, reply) => {
    const v = await revisionsOf(platform, req.user, site(req), idOf(req));
    const q = req.query as Record<string, string | undefined>;
    const ra = v.revisions.find((r) => String(r.version) === q.a);
    const rb = v.revisions.find((r) => String(r.version) === q.b);
    let diff;
    if (ra && rb) {
      const counts = diffCounts(revisionDiff(asHtml(ra), asHtml(rb)));
      diff = { a: ra.version, b: rb.version, html: revisionDiffHtml(asHtml(ra), asHtml(rb)), added: counts.wordsAdded, removed: counts.wordsRemoved };
    }
    return reply.html(HistoryPage({ req, site: v.site, article: v.article, revisions: v.revisions, diff }));
  });
}
