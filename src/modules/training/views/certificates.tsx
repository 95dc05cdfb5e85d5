// /dao-tao-cntt/chung-chi: certificates issued (latest first), the form to issue one (refused with the missing modules
// named) and a revoke form with a reason for each valid one.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import type { CertificateView } from '../certificates.ts';
import { displayCode } from '../code.ts';
import { m } from '../messages.ts';
import { asFormErrors, day, errorOf, levelLabel, Notice, TrainingNav, URLS } from './parts.tsx';

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function CertificatesPage(p: { req: FastifyRequest; list: CertificateView[]; typed?: Record<string, unknown>; errors?: FieldError[]; notice?: string }): JSX.Element {
  const { req } = p;
  const lang = req.lang;
  const errors = p.errors ?? [];
  const typed = p.typed ?? {};
  return (
    <Page req={req} title={m.certificates}>
      <h1 safe>{t(lang, m.certificates)}</h1>
      <TrainingNav req={req} />
      <Notice text={p.notice} />
      <ErrorSummary lang={lang} errors={asFormErrors(lang, errors)} />
      <h2 safe>{t(lang, m.issue)}</h2>
      <form method="post" action={URLS.certificates} novalidate>
        <CsrfField req={req} />
        <Field id="traineeId" label={t(lang, m.traineeId)} value={s(typed.traineeId)} inputmode="numeric" error={errorOf(lang, errors, 'traineeId')} required />
        <SelectField id="kind" label={t(lang, m.kind)} value={s(typed.kind)} error={errorOf(lang, errors, 'kind')} options={[{ value: 'basic', label: t(lang, m.basic) }, { value: 'advanced', label: t(lang, m.advanced) }]} />
        <Field id="issuedOn" type="date" label={t(lang, m.issuedOn)} value={s(typed.issuedOn)} error={errorOf(lang, errors, 'issuedOn')} required />
        <button type="submit" safe>
          {t(lang, m.issue)}
        </button>
      </form>
      <CardsTable
        caption={t(lang, m.certificates)}
        heads={[m.code, m.holder, m.kind, m.issuedOn, m.validity, m.revoke].map((h) => t(lang, h))}
        rows={p.list}
        cells={(c) => [
          {
            header: true,
            html: (
              <a href={`${URLS.certificates}/${c.id}.pdf`} safe>
                {displayCode(c.code)}
              </a>
            ),
          },
          `${c.full_name} (#${c.trainee_id})`,
          t(lang, levelLabel[c.kind] ?? m.basic),
          day(c.issued_on),
          c.revoked ? `${t(lang, m.revoked)}: ${c.revoked_reason ?? ''}` : t(lang, m.valid),
          c.revoked
            ? ''
            : {
                html: (
                  <form method="post" action={`${URLS.certificates}/${c.id}/thu-hoi`}>
                    <CsrfField req={req} />
                    <label for={`reason-${c.id}`} safe>
                      {t(lang, m.reason)}
                    </label>
                    <input id={`reason-${c.id}`} name="reason" maxlength="500" required />
                    <button type="submit" safe>
                      {t(lang, m.revoke)}
                    </button>
                  </form>
                ),
              },
        ]}
      />
    </Page>
  );
}
