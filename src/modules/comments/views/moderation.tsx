// Moderators' pages: the site's queue (new and hidden comments, oldest first) with its settings, the recently published
// comments and the blocks in force; and one comment's page with every decision (approve, reject with a reason, edit,
// block the sender).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { attrValue, CsrfField, ErrorSummary, Field, Page, TextAreaField } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { displayPhone } from '../../accounts/index.ts';
import { siteName, type Site } from '../../sites/index.ts';
import { FIELDS, mod, STATUS_LABELS } from '../messages.ts';
import type { Comment, CommentBlock } from '../repo.ts';
import type { ModerationView } from '../moderation.ts';
import { summaryOf } from './public.tsx';

export const moderationUrl = (site: Pick<Site, 'slug'>): string => `/quan-tri/trang/${site.slug}/binh-luan`;
export const DONE = mod.done;
export type Done = keyof typeof DONE;

const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const f = errors.find((x) => x.field === field);
  return f ? t(lang, f.message) : undefined;
};

function DoneNotice({ lang, done }: { lang: Lang; done: Done | undefined }): JSX.Element {
  if (!done) return <></>;
  return (
    <div class="notice success" role="status">
      <p safe>{t(lang, DONE[done])}</p>
    </div>
  );
}

function ActionButton({ req, action, label, secondary }: { req: FastifyRequest; action: string; label: Text; secondary?: boolean }): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField req={req} />
      <button type="submit" class={secondary ? 'secondary' : undefined} safe>
        {t(req.lang, label)}
      </button>
    </form>
  );
}

/** What a moderator sees of a comment: everything, the phone number included. */
function CommentFacts({ lang, c, article }: { lang: Lang; c: Comment; article: { slug: string; title: string } | undefined }): JSX.Element {
  const phone: string = c.phone ? displayPhone(c.phone) : '—';
  return (
    <dl class="facts">
      <dt safe>{t(lang, mod.article)}</dt>
      <dd safe>{article?.title ?? ''}</dd>
      <dt safe>{t(lang, mod.sender)}</dt>
      <dd safe>{c.name}</dd>
      <dt safe>{t(lang, mod.phone)}</dt>
      <dd safe>{phone}</dd>
      <dt safe>{t(lang, mod.sent)}</dt>
      <dd safe>{formatDateTime(lang, c.created_at)}</dd>
      <dt safe>{t(lang, mod.status)}</dt>
      <dd safe>{t(lang, STATUS_LABELS[c.status])}</dd>
      <dt safe>{t(lang, mod.reports)}</dt>
      <dd safe>{String(c.reports)}</dd>
      {c.reason ? (
        <>
          <dt safe>{t(lang, mod.reason)}</dt>
          <dd safe>{c.reason}</dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

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

function BlockRow({ req, site, b }: { req: FastifyRequest; site: Site; b: CommentBlock }): JSX.Element {
  const lang = req.lang;
  const what = [b.phone ? `${t(lang, mod.byPhone)} ${displayPhone(b.phone)}` : '', b.ip_hash ? t(lang, mod.byAddress) : ''].filter(Boolean).join(', ');
  return (
    <tr>
      <td data-label={t(lang, mod.what)} safe>
        {what}
      </td>
      <td data-label={t(lang, mod.scope)} safe>
        {t(lang, b.site_id === null ? mod.everySite : mod.thisSite)}
      </td>
      <td data-label={t(lang, mod.reason)} safe>
        {b.reason}
      </td>
      <td data-label={t(lang, mod.by)} safe>
        {`${b.created_by_label}, ${formatDateTime(lang, b.created_at)}`}
      </td>
      <td>{b.site_id !== null || req.user?.roles.includes('admin') ? <ActionButton req={req} action={`${moderationUrl(site)}/chan/${b.id}/bo-chan`} label={mod.unblock} secondary /> : ''}</td>
    </tr>
  );
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
          <table class="cards-on-phone">
            <thead>
              <tr>
                {[mod.what, mod.scope, mod.reason, mod.by].map((h) => (
                  <th scope="col" safe>
                    {t(lang, h)}
                  </th>
                ))}
                <td></td>
              </tr>
            </thead>
            <tbody>
              {view.blocks.map((b) => (
                <BlockRow req={req} site={site} b={b} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export interface CommentModerationView {
  site: Site;
  comment: Comment;
  article: { slug: string; title: string } | undefined;
  errors: FieldError[];
  /** What was typed in the edit form when it was refused. */
  edit?: { name: string; title: string; body: string } | undefined;
  reason?: string | undefined;
  blockReason?: string | undefined;
  done: Done | undefined;
}

export function CommentModerationPage({ req, view }: { req: FastifyRequest; view: CommentModerationView }): JSX.Element {
  const lang = req.lang;
  const { site, comment: c, errors } = view;
  const err = (f: string) => errorOf(lang, errors, f);
  const base = `${moderationUrl(site)}/${c.id}`;
  const edit = view.edit ?? { name: c.name, title: c.title, body: c.body };
  const isAdmin = req.user?.roles.includes('admin') === true;
  return (
    <Page req={req} title={c.title}>
      <p>
        <a class="back-link" href={moderationUrl(site)} safe>
          {t(lang, mod.backToQueue)}
        </a>
      </p>
      <h1 safe>{c.title}</h1>
      <DoneNotice lang={lang} done={view.done} />
      <ErrorSummary lang={lang} errors={summaryOf(lang, errors)} />
      <CommentFacts lang={lang} c={c} article={view.article} />
      <p class="pre-line" safe>
        {c.body}
      </p>
      {c.status === 'pending' || c.status === 'hidden' ? (
        <p>
          <ActionButton req={req} action={`${base}/duyet`} label={mod.approve} />
        </p>
      ) : (
        ''
      )}
      {c.status === 'rejected' ? (
        ''
      ) : (
        <>
          <h2 safe>{t(lang, mod.reject)}</h2>
          <form method="post" action={`${base}/tu-choi`} novalidate>
            <CsrfField req={req} />
            <TextAreaField id="reason" label={t(lang, FIELDS.reason)} value={view.reason ?? ''} hint={t(lang, mod.rejectReasonHint)} error={err('reason')} rows={3} required />
            <button type="submit" safe>
              {t(lang, mod.reject)}
            </button>
          </form>
          <h2 safe>{t(lang, mod.edit)}</h2>
          <p class="hint" safe>
            {t(lang, mod.editHint)}
          </p>
          <form method="post" action={`${base}/sua`} novalidate>
            <CsrfField req={req} />
            <Field id="name" label={t(lang, FIELDS.name)} value={edit.name} error={err('name')} required />
            <Field id="title" label={t(lang, FIELDS.title)} value={edit.title} error={err('title')} required />
            <TextAreaField id="body" label={t(lang, FIELDS.body)} value={edit.body} error={err('body')} rows={6} required />
            <button type="submit" safe>
              {t(lang, mod.saveEdit)}
            </button>
          </form>
        </>
      )}
      <h2 safe>{t(lang, mod.block)}</h2>
      <form method="post" action={`${base}/chan`} novalidate>
        <CsrfField req={req} />
        <fieldset>
          <legend safe>{t(lang, mod.what)}</legend>
          {err('by-address') ? (
            <p class="error-message" id="by-error" safe>
              {err('by-address')}
            </p>
          ) : (
            ''
          )}
          {c.phone ? (
            <div class="field choice">
              <input type="checkbox" id="by-phone" name="by_phone" value="on" checked />
              <label for="by-phone" safe>
                {t(lang, mod.blockPhone, { phone: displayPhone(c.phone) })}
              </label>
            </div>
          ) : (
            ''
          )}
          <div class="field choice">
            <input type="checkbox" id="by-address" name="by_address" value="on" checked />
            <label for="by-address" safe>
              {t(lang, mod.blockAddress)}
            </label>
          </div>
          {isAdmin ? (
            <div class="field choice">
              <input type="checkbox" id="everywhere" name="everywhere" value="on" />
              <label for="everywhere" safe>
                {t(lang, mod.blockEverywhere)}
              </label>
            </div>
          ) : (
            ''
          )}
        </fieldset>
        <TextAreaField id="block-reason" name="reason" label={t(lang, FIELDS.reason)} value={view.blockReason ?? ''} error={err('block-reason')} rows={2} required />
        <button type="submit" class="secondary" safe>
          {t(lang, mod.block)}
        </button>
      </form>
    </Page>
  );
}
