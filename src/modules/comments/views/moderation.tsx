// Moderators' page of a site: its comment settings, the queue (new and hidden comments, oldest first), the recently
// published comments and the blocks in force.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { attrValue, CardsTable, type CardCell, CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { displayPhone } from '../../accounts/index.ts';
import { siteName, type Site } from '../../sites/index.ts';
import { FIELDS, mod } from '../messages.ts';
import type { Comment, CommentBlock } from '../repo.ts';
import type { ModerationView } from '../moderation.ts';
import { ActionButton, CommentFacts, type Done, DoneNotice, errorOf, moderationUrl } from './moderation-parts.tsx';
import { summaryOf } from './public.tsx';

export { DONE, type Done, moderationUrl } from './moderation-parts.tsx';

function QueueItem({ req, site, c, article }: { req: FastifyRequest; site: Site; c: Comment; article: { slug: string; title: string } | undefined }): JSX.Element {
  const lang = req.lang;
  const base = `${moderationUrl(site)}/${c.id}`;
  return (
    <li class="card">
      <h3 safe>{c.title}</h3>
      <CommentFacts lang={lang} c={c} article={article} />
      <p class="pre-line" safe>
        {c.body}
      </p>
      <p>
        {c.status === 'pending' || c.status === 'hidden' ? <ActionButton req={req} action={`${base}/duyet`} label={mod.approve} /> : ''}{' '}
        <a href={base} aria-label={attrValue(`${t(lang, mod.open)}: ${c.title}`)} safe>
          {t(lang, mod.open)}
        </a>
      </p>
    </li>
  );
}

/** A block's cells: what is blocked, where, why, by whom and when, and the unblock button (its column has no name). */
function blockCells(req: FastifyRequest, site: Site, b: CommentBlock): (string | CardCell)[] {
  const lang = req.lang;
  const what = [b.phone ? `${t(lang, mod.byPhone)} ${displayPhone(b.phone)}` : '', b.ip_hash ? t(lang, mod.byAddress) : ''].filter(Boolean).join(', ');
  return [
    what,
    t(lang, b.site_id === null ? mod.everySite : mod.thisSite),
    b.reason,
    `${b.created_by_label}, ${formatDateTime(lang, b.created_at)}`,
    b.site_id !== null || req.user?.roles.includes('admin') ? { html: <ActionButton req={req} action={`${moderationUrl(site)}/chan/${b.id}/bo-chan`} label={mod.unblock} secondary /> } : '',
  ];
}

export function ModerationPage({ req, view, errors, threshold, done }: { req: FastifyRequest; view: ModerationView; errors: FieldError[]; threshold?: string; done: Done | undefined }): JSX.Element {
  const lang = req.lang;
  const { site } = view;
  const title = t(lang, mod.title, { site: siteName(lang, site) });
  return (
    <Page req={req} title={title}>
      <h1 safe>{title}</h1>
      <DoneNotice lang={lang} done={done} />
      {view.maySettings ? (
        <section aria-labelledby="cai-dat">
          <h2 id="cai-dat" safe>
            {t(lang, mod.settings)}
          </h2>
          <form method="post" action={`${moderationUrl(site)}/cai-dat`} novalidate>
            <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
            <CsrfField req={req} />
            <div class="field choice">
              <input type="checkbox" id="pre_moderation" name="pre_moderation" value="on" checked={site.pre_moderation} />
              <label for="pre_moderation" safe>
                {t(lang, mod.preModeration)}
              </label>
            </div>
            <Field id="threshold" label={t(lang, FIELDS.threshold)} type="number" inputmode="numeric" value={threshold ?? String(site.comment_report_threshold)} error={errorOf(lang, errors, 'threshold')} />
            <button type="submit" safe>
              {t(lang, mod.saveSettings)}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, mod.queue, { n: view.queue.length })}</h2>
      {view.queue.length === 0 ? (
        <p safe>{t(lang, mod.queueEmpty)}</p>
      ) : (
        <ul class="cards">
          {view.queue.map((c) => (
            <QueueItem req={req} site={site} c={c} article={view.titles.get(c.article_id)} />
          ))}
        </ul>
      )}
      <h2 safe>{t(lang, mod.recent)}</h2>
      <ul class="cards">
        {view.recent.map((c) => (
          <QueueItem req={req} site={site} c={c} article={view.titles.get(c.article_id)} />
        ))}
      </ul>
      <h2 safe>{t(lang, mod.blocks)}</h2>
      {view.blocks.length === 0 ? (
        <p safe>{t(lang, mod.noBlocks)}</p>
      ) : (
        <div class="table-frame">
          <CardsTable heads={[...[mod.what, mod.scope, mod.reason, mod.by].map((h) => t(lang, h)), '']} rows={view.blocks} cells={(b) => blockCells(req, site, b)} />
        </div>
      )}
    </Page>
  );
}
