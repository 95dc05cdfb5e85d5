// What the admission pages share: the code + ID fields (carried along as hidden fields once typed), the child's and
// the round's facts, exact times, and turning a service error into a form's error list.
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { Field, type FormError } from '../../../platform/web/layout.tsx';
import { formatDate, t, type Lang } from '../../../platform/web/i18n.ts';
import { choose as c, page as m, LEVEL_LABELS } from '../messages.ts';
import type { Child, Round } from '../repo.ts';
import { exactTime } from '../format.ts';

export { exactTime };

export interface CredentialValues {
  code: string;
  personal_id: string;
}

export function ExactTime({ at }: { at: Date }): JSX.Element {
  return (
    <time datetime={at.toISOString()} safe>
      {exactTime(at)}
    </time>
  );
}

export function CredentialFields({ lang, values, errors }: { lang: Lang; values: CredentialValues; errors: FieldError[] }): JSX.Element {
  return (
    <>
      <Field id="code" label={t(lang, m.code)} hint={t(lang, m.codeHint)} value={values.code} error={errorFor(lang, errors, 'code')} autocomplete="off" required />
      <Field
        id="personal_id"
        label={t(lang, m.personalId)}
        hint={t(lang, m.personalIdHint)}
        value={values.personal_id}
        error={errorFor(lang, errors, 'personal_id')}
        inputmode="numeric"
        autocomplete="off"
        required
      />
    </>
  );
}

export function HiddenCredentials({ values }: { values: CredentialValues }): JSX.Element {
  return (
    <>
      <input type="hidden" name="code" value={values.code} />
      <input type="hidden" name="personal_id" value={values.personal_id} />
    </>
  );
}

export function ChildFacts({ lang, child, round }: { lang: Lang; child: Child; round: Round }): JSX.Element {
  return (
    <dl class="facts">
      <dt safe>{t(lang, c.child)}</dt>
      <dd safe>{child.fullName}</dd>
      <dt safe>{t(lang, c.birth)}</dt>
      <dd safe>{formatDate(lang, new Date(`${child.birthDate}T00:00:00+07:00`))}</dd>
      <dt safe>{t(lang, c.round)}</dt>
      <dd safe>{`${lang === 'en' ? round.nameEn : round.name} (${t(lang, LEVEL_LABELS[round.level])})`}</dd>
      <dt safe>{t(lang, c.closes)}</dt>
      <dd>
        <ExactTime at={round.closesAt} />
      </dd>
    </dl>
  );
}

export function errorFor(lang: Lang, errors: FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? t(lang, e.message) : undefined;
}

export function formErrors(lang: Lang, errors: FieldError[]): FormError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));
}

/** A refusal as field errors: its own, or its message against `field` (a round that closed, a child not of age). */
export function fieldErrorsOf(err: AppError, field: string): FieldError[] {
  return err.fields.length > 0 ? err.fields : [{ field, message: err.text }];
}
