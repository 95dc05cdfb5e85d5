// One form page for every e-ticket form (issue 15): one h1, labelled fields, each error beside its field in the page's
// language with what was typed shown back, a CSRF field; plain HTML, no script.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page, SelectField, type Option } from '../../../../platform/web/layout.tsx';
import { t, type Text } from '../../../../platform/web/i18n.ts';
import type { Children } from '@kitajs/html';
import { m } from '../messages.ts';

export interface FormFieldSpec {
  id: string;
  label: Text;
  hint?: Text;
  options?: Option[];
  inputmode?: string;
}

export interface FormSpec {
  title: Text;
  action: string;
  back: string;
  fields: FormFieldSpec[];
  submit: Text;
  /** A second submit button sending name=value (e.g. pay=vietqr beside "pay from the balance"). */
  alsoSubmit?: { name: string; value: string; label: Text };
  intro?: Text;
  /** A success message at the top (after a form that stays on its page). */
  notice?: Text;
  before?: Children;
}

export function FormPage({ req, f, typed, errors }: { req: FastifyRequest; f: FormSpec; typed: Record<string, string>; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const errOf = (id: string) => {
    const e = errors.find((x) => x.field === id);
    return e ? t(lang, e.message) : undefined;
  };
  return (
    <Page req={req} title={f.title} narrow>
      <p>
        <a href={f.back} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{t(lang, f.title)}</h1>
      {f.notice ? (
        <p class="notice success" role="status" safe>
          {t(lang, f.notice)}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {f.intro ? <p safe>{t(lang, f.intro)}</p> : ''}
      {f.before ?? ''}
      <form method="post" action={f.action} novalidate>
        <CsrfField req={req} />
        {f.fields.map((x) =>
          x.options ? (
            <SelectField id={x.id} label={t(lang, x.label)} options={x.options} value={typed[x.id]} hint={x.hint ? t(lang, x.hint) : undefined} error={errOf(x.id)} />
          ) : (
            <Field id={x.id} label={t(lang, x.label)} value={typed[x.id]} hint={x.hint ? t(lang, x.hint) : undefined} error={errOf(x.id)} inputmode={x.inputmode} />
          ),
        )}
        <button type="submit" safe>
          {t(lang, f.submit)}
        </button>
        {f.alsoSubmit ? (
          <>
            {' '}
            <button type="submit" name={f.alsoSubmit.name} value={f.alsoSubmit.value} class="secondary" safe>
              {t(lang, f.alsoSubmit.label)}
            </button>
          </>
        ) : (
          ''
        )}
      </form>
    </Page>
  );
}

/** An error for the form: the fields the service named, else the message against the first field. */
export function formErrors(fields: FieldError[], message: Text, firstField: string): FieldError[] {
  return fields.length > 0 ? fields : [{ field: firstField, message }];
}
