// The fields of an e-form as HTML, in the GOV.UK pattern: each section a fieldset with its legend; each field
// with its label, hint and error beside it (linked by aria-describedby, flagged with aria-invalid); groups of
// radios or checkboxes and addresses in their own fieldset; one file input per document. The <form> around it
// (method post, multipart, CSRF, submit button, novalidate) is the caller's, as is the ErrorSummary above it.
import type { FormError } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { EformDefinition, EformField } from '../schema.ts';
import type { EformError } from '../validate.ts';
import type { AddressUnit } from '../address.ts';
import { fieldId, mainType, schemaAt, type JsonSchema } from '../paths.ts';
import { form as m } from '../messages.ts';
import { attr, describedBy, HintAndError, labelText, shownText, type Ctx, type FieldProps } from './kit.tsx';
import { Address, Choices, SingleCheckbox } from './groups.tsx';
import { Documents } from './documents.tsx';
import { isoDate } from '../coerce.ts';

export interface EformFieldsProps {
  lang: Lang;
  def: EformDefinition;
  /** What to show in the fields: the post being redisplayed (flat) or saved answers (nested). */
  values?: Record<string, unknown> | undefined;
  errors?: readonly EformError[] | undefined;
  /** The communes an address may choose from (loadAddressUnits); needed when the form has an address. */
  units?: readonly AddressUnit[] | undefined;
}

/** Items for the layout's ErrorSummary: each links to its field's id. */
export function errorSummaryItems(lang: Lang, errors: readonly EformError[]): FormError[] {
  return errors.map((e) => ({ field: fieldId(e.field), message: t(lang, e.message) }));
}

export function renderEformFields(props: EformFieldsProps): JSX.Element {
  const ctx: Ctx = {
    lang: props.lang,
    def: props.def,
    values: props.values ?? {},
    errors: new Map((props.errors ?? []).map((e) => [e.field, t(props.lang, e.message)])),
    units: props.units ?? [],
  };
  return (
    <>
      {props.def.ui.sections.map((section) => (
        <fieldset class="eform-section">
          <legend class="eform-section-title" safe>
            {t(ctx.lang, section.title)}
          </legend>
          {section.fields.map((path) => {
            const field = props.def.ui.fields[path];
            return field ? renderField(ctx, path, field) : '';
          })}
        </fieldset>
      ))}
      {props.def.documents.length ? <Documents ctx={ctx} /> : ''}
    </>
  );
}

/** The same, as a component: `<EformFields lang={…} def={…} />`. */
export const EformFields = renderEformFields;

function renderField(ctx: Ctx, path: string, field: EformField): JSX.Element {
  const node = schemaAt(ctx.def.schema, path) ?? {};
  switch (field.widget) {
    case 'radio':
      return <Choices ctx={ctx} path={path} field={field} type="radio" />;
    case 'checkbox':
      return mainType(node) === 'array' ? (
        <Choices ctx={ctx} path={path} field={field} type="checkbox" />
      ) : (
        <SingleCheckbox ctx={ctx} path={path} field={field} />
      );
    case 'address':
      return <Address ctx={ctx} path={path} field={field} />;
    default:
      return <Single ctx={ctx} path={path} field={field} node={node} />;
  }
}

function Single({ ctx, path, field, node }: FieldProps & { node: JsonSchema }): JSX.Element {
  const id = fieldId(path);
  const hint = field.hint ? t(ctx.lang, field.hint) : undefined;
  const error = ctx.errors.get(path);
  const aria = { 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? 'true' : undefined };
  // A date typed as 15/03/2024 (no date picker) is shown back as the ISO date the date input expects.
  const value = field.widget === 'date' ? isoDate(shownText(ctx, path)) : shownText(ctx, path);
  let control: JSX.Element;
  switch (field.widget) {
    case 'textarea':
      control = (
        <textarea id={id} name={path} rows="5" {...aria} safe>
          {value}
        </textarea>
      );
      break;
    case 'select':
      control = (
        <select id={id} name={path} autocomplete={field.autocomplete} {...aria}>
          <option value="" safe>
            {t(ctx.lang, m.choose)}
          </option>
          {(field.options ?? []).map((o) => (
            <option value={attr(o.value)} selected={o.value === value} safe>
              {t(ctx.lang, o.label)}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = <input id={id} name={path} value={attr(value)} {...inputKind(field, node)} {...aria} />;
  }
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id} safe>
        {labelText(ctx, path, field)}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {control}
    </div>
  );
}

/** Type and keyboard of a one-line input (GOV.UK: numbers as text with a numeric keyboard). */
function inputKind(field: EformField, node: JsonSchema): Record<string, string | undefined> {
  const ac = field.autocomplete;
  switch (field.widget) {
    case 'number':
      return { type: 'text', inputmode: mainType(node) === 'integer' ? 'numeric' : 'decimal', autocomplete: ac, spellcheck: 'false' };
    case 'date':
      return { type: 'date', autocomplete: ac };
    case 'personal_id':
      return { type: 'text', inputmode: 'numeric', pattern: '[0-9]{12}', maxlength: '12', autocomplete: ac, spellcheck: 'false' };
    case 'phone':
      return { type: 'tel', autocomplete: ac ?? 'tel' };
    case 'email':
      return { type: 'email', autocomplete: ac ?? 'email', spellcheck: 'false' };
    default:
      return { type: 'text', autocomplete: ac };
  }
}
