// The licence page's penalty cases (open one, close one) and its revocation or replacement (a reason, then a
// confirmation page). A refusal comes back beside its field with what was typed.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { attrValue, CardsTable, CsrfField, Field, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import type { EndKind } from '../cases.ts';
import { m } from '../messages.ts';
import type { LicenceView } from '../record.ts';
import { day, URLS } from './parts.tsx';

export const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const e = errors.filter((x) => x.field === field);
  return e.length > 0 ? e.map((x) => t(lang, x.message)).join(' ') : undefined;
};

export function CasesSection({ req, v, typed, errors }: { req: FastifyRequest; v: LicenceView; typed: Record<string, string>; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const l = v.licence;
  const open = v.cases.filter((c) => c.closed_on === null);
  const inForce = l.status === 'valid';
  return (
    <>
      <h2 safe>{t(lang, m.cases)}</h2>
      {open.length > 0 ? (
        <p class="notice" safe>
          {t(lang, m.pendingWarning)}
        </p>
      ) : (
        ''
      )}
      {v.cases.length === 0 ? (
        <p safe>{t(lang, m.noCases)}</p>
      ) : (
        <CardsTable
          caption={t(lang, m.cases)}
          captionHidden
          heads={[t(lang, m.caseDecision), t(lang, m.openedOn), t(lang, m.closedOn), t(lang, m.outcome)]}
          rows={v.cases}
          cells={(c) => [{ text: c.decision, header: true }, day(c.opened_on, lang), c.closed_on ? day(c.closed_on, lang) : t(lang, m.caseOpen), c.outcome ?? '—']}
        />
      )}
      {inForce ? (
        <form method="post" action={URLS.openCase(l.number)}>
          <h3 safe>{t(lang, m.openCase)}</h3>
          <CsrfField req={req} />
          <Field id="caseDecision" label={t(lang, m.caseDecision)} value={typed.caseDecision} error={errorOf(lang, errors, 'caseDecision')} required />
          <Field id="openedOn" type="date" label={t(lang, m.openedOn)} value={typed.openedOn ?? v.today} error={errorOf(lang, errors, 'openedOn')} required />
          <button type="submit" safe>
            {t(lang, m.openCase)}
          </button>
        </form>
      ) : (
        ''
      )}
      {open.length > 0 ? (
        <form method="post" action={URLS.closeCase(l.number)}>
          <h3 safe>{t(lang, m.closeCase)}</h3>
          <CsrfField req={req} />
          <SelectField
            id="caseId"
            label={t(lang, m.caseDecision)}
            value={typed.caseId}
            error={errorOf(lang, errors, 'caseId')}
            options={open.map((c) => ({ value: String(c.id), label: `${c.decision} (${day(c.opened_on, lang)})` }))}
          />
          <TextAreaField id="outcome" label={t(lang, m.outcome)} value={typed.outcome} error={errorOf(lang, errors, 'outcome')} required rows={2} />
          <Field id="closedOn" type="date" label={t(lang, m.closedOn)} value={typed.closedOn ?? v.today} error={errorOf(lang, errors, 'closedOn')} required />
          <button type="submit" safe>
            {t(lang, m.closeCase)}
          </button>
        </form>
      ) : (
        ''
      )}
      {inForce ? (
        <form method="post" action={URLS.end(l.number)}>
          <h2 safe>{t(lang, m.endTitle)}</h2>
          <CsrfField req={req} />
          <TextAreaField id="reason" label={t(lang, m.endReason)} value={typed.reason} error={errorOf(lang, errors, 'reason')} required rows={2} />
          <div class="actions">
            <button type="submit" name="kind" value="revoked" safe>
              {t(lang, m.revoke)}
            </button>{' '}
            <button type="submit" name="kind" value="replaced" class="secondary" safe>
              {t(lang, m.replace)}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
    </>
  );
}

/** The confirmation step of a revocation or replacement: the reason as typed, confirm or go back. */
export function ConfirmEndPage({ req, v, kind, reason }: { req: FastifyRequest; v: LicenceView; kind: EndKind; reason: string }): JSX.Element {
  const lang = req.lang;
  const n = v.licence.number;
  const title = t(lang, kind === 'revoked' ? m.confirmRevoke : m.confirmReplace, { n });
  return (
    <Page req={req} title={title} narrow>
      <h1 safe>{title}</h1>
      <p safe>{t(lang, m.confirmText)}</p>
      <dl class="summary">
        <dt safe>{t(lang, m.endReason)}</dt>
        <dd safe>{reason}</dd>
      </dl>
      <form method="post" action={URLS.end(n)}>
        <CsrfField req={req} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="reason" value={attrValue(reason)} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" safe>
          {t(lang, m.confirm)}
        </button>{' '}
        <a href={URLS.licence(n)} safe>
          {t(lang, m.cancel)}
        </a>
      </form>
    </Page>
  );
}
