// One file input per document of the e-form, with whether it is required, how many originals or copies the
// office expects, the accepted types and the size limit in its hint.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { EformDocument } from '../schema.ts';
import { documentFieldName, fieldId } from '../paths.ts';
import { sizeText, typeNames } from '../files.ts';
import { form as m } from '../messages.ts';
import { describedBy, HintAndError, type Ctx } from './kit.tsx';

export function Documents({ ctx }: { ctx: Ctx }): JSX.Element {
  const lang = ctx.lang;
  return (
    <fieldset class="eform-section">
      <legend class="eform-section-title" safe>
        {t(lang, m.documentsTitle)}
      </legend>
      <p class="hint" safe>
        {t(lang, m.documentsIntro)}
      </p>
      {ctx.def.documents.map((d) => {
        const name = documentFieldName(d.key);
        const id = fieldId(name);
        const error = ctx.errors.get(name);
        const hint = documentHint(lang, d);
        return (
          <div class={error ? 'field field-error' : 'field'}>
            <label for={id} safe>
              {t(lang, d.name)}
            </label>
            <HintAndError id={id} hint={hint} error={error} />
            <input
              type="file"
              id={id}
              name={name}
              accept={d.accept.join(',')}
              aria-describedby={describedBy(id, hint, error)}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** "Bắt buộc · 1 bản chính · Định dạng PDF, JPG, PNG; tối đa 5 MB." */
function documentHint(lang: Lang, d: EformDocument): string {
  const parts = [t(lang, d.required ? m.documentRequired : m.documentOptional)];
  if (d.originals) parts.push(t(lang, m.originals, { n: d.originals }));
  if (d.copies) parts.push(t(lang, m.copies, { n: d.copies }));
  parts.push(t(lang, m.accepts, { types: typeNames(d.accept), size: t(lang, sizeText(d.maxBytes)) }));
  return parts.join(' · ');
}

