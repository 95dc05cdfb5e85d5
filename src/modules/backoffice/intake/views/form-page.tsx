// /mot-cua/tiep-nhan/:procedureCode: the procedure's e-form, filled by the officer on the applicant's behalf (nothing
// taken from the officer's account), one file input per document for the scans, the fees to collect. Works without
// JavaScript; a one-time token makes a second click return the first dossier.
import type { FastifyRequest } from 'fastify';
import { CsrfField, ErrorSummary, Page } from '../../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../../platform/web/i18n.ts';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { errorSummaryItems, fieldId, renderEformFields, type AddressUnit } from '../../../eforms/index.ts';
import { type DossierProcedure, AGENCY_FIELD, Fact, FeeTable, ProcedureFacts, Vi } from '../../../dossiers/index.ts';
import { formPage as m } from '../messages.ts';
import { INTAKE_PATH, intakeFormPath } from './search-page.tsx';

export interface IntakeFormProps {
  req: FastifyRequest;
  procedure: DossierProcedure;
  agencyName: string;
  values: Record<string, unknown>;
  errors: readonly FieldError[];
  token: string;
  units: readonly AddressUnit[];
}

/** The receiving agency is the officer's own; a refusal of it (submitDossier's agency check) shows beside it. */
function Agency({ lang, name, errors }: { lang: Lang; name: string; errors: readonly FieldError[] }): JSX.Element {
  const id = fieldId(AGENCY_FIELD);
  const error = errors.find((e) => e.field === AGENCY_FIELD);
  return (
    <Fact label={t(lang, m.agency)}>
      <>
        <span id={id} tabindex="-1" safe>
          {name}
        </span>
        {error ? (
          <p class="error-message" id={`${id}-error`} safe>
            {t(lang, error.message)}
          </p>
        ) : (
          ''
        )}
      </>
    </Fact>
  );
}

export function IntakeFormPage(p: IntakeFormProps): JSX.Element {
  const { req, procedure } = p;
  const lang = req.lang;
  const failed = p.errors.length > 0;
  return (
    <Page req={req} title={`${t(lang, m.caption)}: ${procedure.name}`}>
      <p>
        <a href={INTAKE_PATH} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <p class="muted" safe>
        {t(lang, m.caption)}
      </p>
      <h1>
        <Vi lang={lang} text={procedure.name} />
      </h1>
      {failed ? (
        <div class="notice" role="status">
          <p safe>{t(lang, m.filesAgain)}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={errorSummaryItems(lang, p.errors)} />
      <dl class="facts">
        <ProcedureFacts lang={lang} procedure={procedure} text={m} />
        <Agency lang={lang} name={p.agencyName} errors={p.errors} />
      </dl>
      <h2 safe>{t(lang, m.feesTitle)}</h2>
      <FeeTable lang={lang} procedure={procedure} text={m} channel="counter" />
      <p safe>{t(lang, m.lead)}</p>
      <form method="post" action={intakeFormPath(procedure.code)} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="_token" value={p.token} />
        {renderEformFields({ lang, def: procedure.form, values: p.values, errors: p.errors, units: p.units })}
        <p>
          <button type="submit" safe>
            {t(lang, m.submit)}
          </button>
        </p>
      </form>
    </Page>
  );
}
