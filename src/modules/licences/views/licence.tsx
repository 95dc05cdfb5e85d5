// /quan-ly/gplx/:number: a licence's class, validity, points and event history, with the forms that record a
// deduction and a passed road-law test (a refusal comes back beside its field with what was typed).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { LicenceView } from '../record.ts';
import { VALIDITY_LABELS } from '../validity.ts';
import { CasesSection } from './cases.tsx';
import { classText, day, Notice, URLS } from './parts.tsx';

export interface LicencePageProps {
  req: FastifyRequest;
  v: LicenceView;
  typed?: Record<string, string>;
  errors?: FieldError[];
  notice?: string | undefined;
}

const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const e = errors.filter((x) => x.field === field);
  return e.length > 0 ? e.map((x) => t(lang, x.message)).join(' ') : undefined;
};

export function LicencePage({ req, v, typed = {}, errors = [], notice }: LicencePageProps): JSX.Element {
  const lang = req.lang;
  const l = v.licence;
  const s = v.state;
  return (
    <Page req={req} title={`${t(lang, m.home)} ${l.number}`}>
      <p>
        <a href={URLS.home} safe>
          {t(lang, m.find)}
        </a>
      </p>
      <h1 safe>{`${t(lang, m.home)} ${l.number}`}</h1>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ field: e.field || 'decision', message: t(lang, e.message) }))} />
      <Notice text={notice} success />
      <dl class="summary">
        <dt safe>{t(lang, m.validity)}</dt>
        <dd safe>{t(lang, VALIDITY_LABELS[v.validity])}</dd>
        <dt safe>{t(lang, m.licenceClass)}</dt>
        <dd safe>{classText(l.licence_class, l.old, lang)}</dd>
        <dt safe>{t(lang, m.points)}</dt>
        <dd safe>{t(lang, m.pointsOf, { n: s.points })}</dd>
        <dt safe>{t(lang, m.holder)}</dt>
        <dd safe>{l.full_name}</dd>
        <dt safe>{t(lang, m.pin)}</dt>
        <dd safe>{l.holder_pin}</dd>
        <dt safe>{t(lang, m.birthDate)}</dt>
        <dd safe>{day(l.birth_date, lang)}</dd>
        <dt safe>{t(lang, m.issuedOn)}</dt>
        <dd safe>{day(l.issued_on, lang)}</dd>
        <dt safe>{t(lang, m.expiresOn)}</dt>
        <dd safe>{day(l.expires_on, lang)}</dd>
        <dt safe>{t(lang, m.province)}</dt>
        <dd safe>{v.province}</dd>
        {l.status_reason ? (
          <>
            <dt safe>{t(lang, m.endReason)}</dt>
            <dd safe>{`${l.status_reason} (${day(l.status_on, lang)})`}</dd>
          </>
        ) : (
          ''
        )}
        {l.restriction ? (
          <>
            <dt safe>{t(lang, m.restriction)}</dt>
            <dd safe>{l.restriction}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {s.restoresOn ? <p safe>{t(lang, m.restoresOn, { d: day(s.restoresOn, lang) })}</p> : ''}
      {s.testFrom ? (
        <p class="notice" safe>
          {t(lang, m.testFrom, { d: day(s.testFrom, lang) })}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={URLS.eLicence(l.number)} safe>
          {t(lang, m.eLicence)}
        </a>
      </p>
      <h2 safe>{t(lang, m.history)}</h2>
      {v.events.length === 0 ? (
        <p safe>{t(lang, m.noEvents)}</p>
      ) : (
        <CardsTable
          caption={t(lang, m.history)}
          captionHidden
          heads={[t(lang, m.date), t(lang, m.event), t(lang, m.decision)]}
          rows={v.events}
          cells={(e) => [
            { text: day(e.effective_on, lang), header: true },
            e.kind === 'deduction' ? t(lang, m.deduction, { n: e.points ?? 0 }) : `${t(lang, m.testPassed)}${e.ignored ? ` (${t(lang, m.ignored)})` : ''}`,
            e.decision ?? '—',
          ]}
        />
      )}
      <CasesSection req={req} v={v} typed={typed} errors={errors} />
      <h2 safe>{t(lang, m.deduct)}</h2>
      <form method="post" action={URLS.deduct(l.number)}>
        <CsrfField req={req} />
        <Field id="decision" label={t(lang, m.decision)} value={typed.decision} error={errorOf(lang, errors, 'decision')} required />
        <SelectField
          id="points"
          label={t(lang, m.deductPoints)}
          value={typed.points}
          error={errorOf(lang, errors, 'points')}
          options={['2', '4', '6', '10'].map((p) => ({ value: p, label: p }))}
        />
        <Field id="effectiveOn" type="date" label={t(lang, m.effectiveOn)} value={typed.effectiveOn ?? v.today} error={errorOf(lang, errors, 'effectiveOn')} required />
        <button type="submit" safe>
          {t(lang, m.deduct)}
        </button>
      </form>
      <h2 safe>{t(lang, m.recordTest)}</h2>
      <form method="post" action={URLS.test(l.number)}>
        <CsrfField req={req} />
        <Field id="testOn" type="date" label={t(lang, m.testDate)} value={typed.testOn ?? v.today} error={errorOf(lang, errors, 'testOn')} required />
        <button type="submit" safe>
          {t(lang, m.recordTest)}
        </button>
      </form>
    </Page>
  );
}
