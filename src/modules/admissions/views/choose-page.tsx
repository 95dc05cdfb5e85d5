// Choosing the school (issue 11 "Parents"): in-catchment schools first as radio buttons, then "another school" with
// the out-of-catchment schools that have places left. The same page changes the school of an application.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page, describedBy, HintAndError } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { choose as c } from '../messages.ts';
import type { Child, Round } from '../repo.ts';
import type { EligibleSchool } from '../service.ts';
import { ChildFacts, HiddenCredentials, errorFor, formErrors, type CredentialValues } from './parts.tsx';

export interface ChooseState {
  mode: 'apply' | 'change';
  round: Round;
  child: Child;
  schools: EligibleSchool[];
  credentials: CredentialValues;
  /** The radio chosen ('other' for the list) and the school chosen in the list. */
  school: string;
  otherSchool: string;
  email: string;
  /** The idempotency key of this rendering of the form (apply only). */
  key: string;
  errors: FieldError[];
  /** The child's current application, when there is one (apply: a notice; change: marked). */
  current?: { applicationNo: string; schoolName: string; schoolCode: string } | undefined;
}

function placesText(lang: Lang, s: EligibleSchool): string {
  return t(lang, c.places, { places: s.places, left: s.placesLeft }) + (s.ownership === 'private' ? ` · ${t(lang, c.private)}` : '');
}

export function ChoosePage({ req, state }: { req: FastifyRequest; state: ChooseState }): JSX.Element {
  const lang = req.lang;
  const inside = state.schools.filter((s) => s.inCatchment);
  const others = state.schools.filter((s) => !s.inCatchment);
  const schoolError = errorFor(lang, state.errors, 'school');
  const action = state.mode === 'apply' ? '/tuyen-sinh/dang-ky' : '/tuyen-sinh/ho-so/doi-truong';
  return (
    <Page req={req} title={c.title} narrow>
      <h1 safe>{t(lang, c.title)}</h1>
      <ErrorSummary lang={lang} errors={formErrors(lang, state.errors)} />
      <ChildFacts lang={lang} child={state.child} round={state.round} />
      {state.current && state.mode === 'apply' ? (
        <p class="notice" safe>
          {t(lang, c.already, { no: state.current.applicationNo, school: state.current.schoolName })}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={action} novalidate>
        <CsrfField req={req} />
        <HiddenCredentials values={state.credentials} />
        {state.mode === 'apply' ? <input type="hidden" name="_key" value={state.key} /> : ''}
        <fieldset id="school" class={schoolError ? 'field field-error' : 'field'} aria-describedby={describedBy('school', undefined, schoolError)}>
          <legend safe>{t(lang, c.inCatchment)}</legend>
          <HintAndError id="school" error={schoolError} />
          {inside.map((s) => (
            <div class="choice">
              <input type="radio" id={`school-${s.code}`} name="school" value={s.code} checked={state.school === s.code} disabled={state.current?.schoolCode === s.code && state.mode === 'change'} />
              <label for={`school-${s.code}`}>
                <strong safe>{s.name}</strong>
                <span class="hint" safe>{` — ${s.address}. ${placesText(lang, s)}`}</span>
              </label>
            </div>
          ))}
          {others.length > 0 ? (
            <div class="choice">
              <input type="radio" id="school-other" name="school" value="other" checked={state.school === 'other'} />
              <label for="school-other" safe>
                {t(lang, c.other)}
              </label>
            </div>
          ) : (
            ''
          )}
        </fieldset>
        {others.length > 0 ? (
          <div class="field">
            <label for="other_school" safe>
              {t(lang, c.otherSchools)}
            </label>
            <p class="hint" id="other_school-hint" safe>
              {t(lang, c.otherHint)}
            </p>
            <select id="other_school" name="other_school" aria-describedby="other_school-hint">
              <option value="" safe>
                {t(lang, c.noneOther)}
              </option>
              {others.map((s) => (
                <option value={s.code} selected={state.otherSchool === s.code} safe>
                  {`${s.name} (${placesText(lang, s)})`}
                </option>
              ))}
            </select>
          </div>
        ) : (
          ''
        )}
        {state.mode === 'apply' ? <Field id="email" type="email" label={t(lang, c.email)} value={state.email} error={errorFor(lang, state.errors, 'email')} autocomplete="email" /> : ''}
        <button type="submit" safe>
          {t(lang, state.mode === 'apply' ? c.submit : c.change)}
        </button>
      </form>
      <p>
        <a href="/tuyen-sinh" safe>
          {t(lang, c.back)}
        </a>
      </p>
    </Page>
  );
}
