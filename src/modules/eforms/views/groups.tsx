// Fields that are groups of controls, each in its own fieldset with the label as legend (GOV.UK): radios,
// checkboxes, and an address (commune select + street input). A single checkbox stands alone.
import { t, type Text } from '../../../platform/web/i18n.ts';
import { fieldId, itemsOf, schemaAt } from '../paths.ts';
import { form as m } from '../messages.ts';
import { attr, describedBy, HintAndError, labelText, shown, shownList, shownText, type FieldProps } from './kit.tsx';

export function Choices({ ctx, path, field, type }: FieldProps & { type: 'radio' | 'checkbox' }): JSX.Element {
  const id = fieldId(path);
  const hint = field.hint ? t(ctx.lang, field.hint) : undefined;
  const error = ctx.errors.get(path);
  const chosen = shownList(ctx, path);
  const options = field.options ?? [];
  // Without options in the UI, a checkbox group offers the schema's items.enum.
  const enumValues = itemsOf(schemaAt(ctx.def.schema, path) ?? {}).enum;
  const list = options.length
    ? options
    : Array.isArray(enumValues)
      ? enumValues.map((v) => ({ value: String(v), label: { vi: String(v), en: String(v) } as Text }))
      : [];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend safe>{labelText(ctx, path, field)}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {list.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div class="choice">
              <input type={type} id={optionId} name={path} value={attr(o.value)} checked={chosen.includes(o.value)} />
              <label for={optionId} safe>
                {t(ctx.lang, o.label)}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function SingleCheckbox({ ctx, path, field }: FieldProps): JSX.Element {
  const id = fieldId(path);
  const hint = field.hint ? t(ctx.lang, field.hint) : undefined;
  const error = ctx.errors.get(path);
  const v = shown(ctx, path);
  const checked = v === true || (typeof v === 'string' && ['true', 'on', '1'].includes(v));
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <HintAndError id={id} hint={hint} error={error} />
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={path}
          value="true"
          checked={checked}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for={id} safe>
          {t(ctx.lang, field.label)}
        </label>
      </div>
    </div>
  );
}

export function Address({ ctx, path, field }: FieldProps): JSX.Element {
  const id = fieldId(path);
  const streetId = `${id}-street`;
  const hint = field.hint ? t(ctx.lang, field.hint) : undefined;
  const error = ctx.errors.get(path);
  const invalid = error ? 'true' : undefined;
  const commune = shownText(ctx, `${path}.commune`);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend safe>{labelText(ctx, path, field)}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div class="field">
          <label for={id} safe>
            {t(ctx.lang, m.addressCommune)}
          </label>
          <select id={id} name={`${path}.commune`} aria-invalid={invalid}>
            <option value="" safe>
              {t(ctx.lang, m.choose)}
            </option>
            {ctx.units.map((u) => (
              <option value={attr(u.code)} selected={u.code === commune} safe>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={streetId} safe>
            {t(ctx.lang, m.addressStreet)}
          </label>
          <input
            type="text"
            id={streetId}
            name={`${path}.street`}
            value={attr(shownText(ctx, `${path}.street`))}
            autocomplete={field.autocomplete}
            aria-invalid={invalid}
          />
        </div>
      </fieldset>
    </div>
  );
}
