// What the moderators' pages share: their addresses, the notice after a decision, a one-button form, and what a
// moderator sees of a comment (everything, the phone number included).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { displayPhone } from '../../accounts/index.ts';
import type { Site } from '../../sites/index.ts';
import { mod, STATUS_LABELS } from '../messages.ts';
import type { Comment } from '../repo.ts';

export const moderationUrl = (site: Pick<Site, 'slug'>): string => `/quan-tri/trang/${site.slug}/binh-luan`;
export const DONE = mod.done;
export type Done = keyof typeof DONE;

export const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const f = errors.find((x) => x.field === field);
  return f ? t(lang, f.message) : undefined;
};

export function DoneNotice({ lang, done }: { lang: Lang; done: Done | undefined }): JSX.Element {
  if (!done) return <></>;
  return (
    <div class="notice success" role="status">
      <p safe>{t(lang, DONE[done])}</p>
    </div>
  );
}

export function ActionButton({ req, action, label, secondary }: { req: FastifyRequest; action: string; label: Text; secondary?: boolean }): JSX.Element {
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
export function CommentFacts({ lang, c, article }: { lang: Lang; c: Comment; article: { slug: string; title: string } | undefined }): JSX.Element {
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

