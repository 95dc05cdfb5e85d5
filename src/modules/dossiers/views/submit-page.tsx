// /dich-vu-cong/:procedureCode/nop: the procedure, its fees before anything is sent, the receiving agency, the e-form
// with one file input per document, and two buttons: submit, or save a draft. Works without JavaScript.
import type { FastifyRequest } from 'fastify';
import { CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { errorSummaryItems, fieldId, renderEformFields, type AddressUnit } from '../../eforms/index.ts';
import type { AgencyWithUnit } from '../../units/index.ts';
import type { DossierProcedure } from '../catalogue.ts';
import { submitPage as m } from '../messages-pages.ts';
import { AGENCY_FIELD } from '../schema.ts';
import { FeeTable, ProcedureFacts, Vi } from './parts.tsx';
import type { KeptFile } from '../drafts.ts';
import { formatSize } from '../format.ts';

export interface SubmitPageProps {
  req: FastifyRequest;
  procedure: DossierProcedure;
  agencies: readonly AgencyWithUnit[];
  agencyCode: string | undefined;
  values: Record<string, unknown>;
  errors: readonly FieldError[];
  /** One-time token that makes the submission idempotent (a second click returns the first dossier). */
  token: string;
  units: readonly AddressUnit[];
  notice?: string | undefined;
  /** What the procedure's own module says above the form (extensions.ts), e.g. that the registry holds no licence. */
  extensionNotice?: string | undefined;
  /** Files kept with the draft (issue 9): listed so that they need not be chosen again. */
  kept?: readonly KeptFile[] | undefined;
}

function AgencySelect(p: SubmitPageProps): JSX.Element {
  const lang = p.req.lang;
  const id = fieldId(AGENCY_FIELD);
  const error = p.errors.find((e) => e.field === AGENCY_FIELD);
  return (
    <fieldset>
      <legend safe>{t(lang, m.agencyLegend)}</legend>
      <div class={error ? 'field field-error' : 'field'}>
        <label for={id} safe>
          {t(lang, m.agencyLabel)}
        </label>
        <p class="hint" id={`${id}-hint`} safe>
          {t(lang, m.agencyHint)}
        </p>
        {error ? (
          <p class="error-message" id={`${id}-error`} safe>
            {t(lang, error.message)}
          </p>
        ) : (
          ''
        )}
        <select id={id} name="agency_code" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? 'true' : undefined}>
          {p.agencies.map((a) => (
            <option value={a.code} selected={a.code === p.agencyCode} safe>
              {lang === 'en' && a.nameEn ? a.nameEn : a.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function SubmitPage(p: SubmitPageProps): JSX.Element {
  const { req, procedure } = p;
  const lang = req.lang;
  const action = `/dich-vu-cong/${encodeURIComponent(procedure.code)}/nop`;
  return (
    <Page req={req} title={`${t(lang, m.caption)}: ${procedure.name}`}>
      <p class="muted" safe>
        {t(lang, m.caption)}
      </p>
      <h1>
        <Vi lang={lang} text={procedure.name} />
      </h1>
      {p.notice ? (
        <div class="notice success" role="status">
          <p safe>{p.notice}</p>
        </div>
      ) : (
        ''
      )}
      {p.extensionNotice ? (
        <div class="notice" id="procedure-notice" role="note">
          <p safe>{p.extensionNotice}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={errorSummaryItems(lang, p.errors)} />
      <dl class="facts">
        <ProcedureFacts lang={lang} procedure={procedure} text={m} />
      </dl>
      <h2 safe>{t(lang, m.feesTitle)}</h2>
      <FeeTable lang={lang} procedure={procedure} text={m} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="_token" value={p.token} />
        <AgencySelect {...p} />
        {renderEformFields({ lang, def: procedure.form, values: p.values, errors: p.errors, units: p.units })}
        {p.kept && p.kept.length > 0 ? (
          <div class="notice" id="kept-files">
            <p safe>{t(lang, m.keptFiles)}</p>
            <ul>
              {p.kept.map((f) => {
                const doc = procedure.form.documents.find((d) => d.key === f.docKey);
                return <li safe>{`${doc ? t(lang, doc.name) : f.docKey}: ${f.originalName} (${formatSize(f.size)})`}</li>;
              })}
            </ul>
          </div>
        ) : (
          ''
        )}
        <p class="hint" safe>
          {t(lang, m.draftNote)}
        </p>
        <p>
          <button type="submit" name="_action" value="check" safe>
            {t(lang, m.continue)}
          </button>{' '}
          <button type="submit" name="_action" value="draft" class="secondary" safe>
            {t(lang, m.saveDraft)}
          </button>
        </p>
      </form>
    </Page>
  );
}

export function NotOnlinePage({ req, procedure, message }: { req: FastifyRequest; procedure: { code: string; name: string }; message: string }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.notOnlineTitle}>
      <h1 safe>{t(lang, m.notOnlineTitle)}</h1>
      <p>
        <Vi lang={lang} text={procedure.name} />
      </p>
      <p safe>{message}</p>
      <p>
        <a href={`/thu-tuc/${encodeURIComponent(procedure.code)}`} safe>
          {t(lang, m.procedureLink)}
        </a>
      </p>
    </Page>
  );
}
