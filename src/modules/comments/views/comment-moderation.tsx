// One comment's moderation page: every decision (approve, reject with a reason, edit, block the sender), a refused one
// shown again with the errors beside the fields and what was typed.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page, TextAreaField } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { displayPhone } from '../../accounts/index.ts';
import type { Site } from '../../sites/index.ts';
import { FIELDS, mod } from '../messages.ts';
import type { Comment } from '../repo.ts';
import { ActionButton, CommentFacts, type Done, DoneNotice, errorOf, moderationUrl } from './moderation-parts.tsx';
import { summaryOf } from './public.tsx';

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
