// One form per action the officer may take now, with exactly the inputs the action requires (its `requires` in the
// workflow definition), the CSRF field and the row version the officer saw. Errors sit beside their field; a form
// refused comes back with what was typed.
import type { FastifyRequest } from 'fastify';
import { attrValue, CsrfField, describedBy, HintAndError, TextAreaField } from '../../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../../platform/web/i18n.ts';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { requirementsOf, type WorkflowAction } from '../../workflow/definition.ts';
import { RETURN_METHODS } from '../../workflow/input.ts';
import { agencyDueField, EMPTY_TYPED, type TypedValues } from '../input.ts';
import { confirmText, consultSendText as cs, inputHints as h, inputLabels as l, returnMethodLabels } from '../messages.ts';
import { CONFIRM_FIELD, isDestructive } from '../confirm.ts';
import type { OfficerCase } from '../service.ts';

export interface FailedAction {
  action: string;
  errors: FieldError[];
  typed: TypedValues;
}

/** The id of a field of one action's form (several forms share the page). */
export const fieldId = (action: string, field: string): string => `${action}-${field}`;

/** The officers' textareas: three rows unless told otherwise. */
export function TextArea(p: Parameters<typeof TextAreaField>[0]): JSX.Element {
  return <TextAreaField rows={3} {...p} />;
}

function Input(p: { id: string; name: string; label: string; type: string; value?: string; hint?: string; error: string | undefined; multiple?: boolean }): JSX.Element {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <input
        id={p.id}
        name={p.name}
        type={p.type}
        value={p.type === 'file' ? undefined : attrValue(p.value ?? '')}
        multiple={p.multiple}
        accept={p.type === 'file' ? '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

function Agencies({ lang, a, oc, typed, error }: { lang: Lang; a: WorkflowAction; oc: OfficerCase; typed: TypedValues; error: string | undefined }): JSX.Element {
  const id = fieldId(a.key, 'agencies');
  return (
    <fieldset id={id} class={error ? 'field-error' : undefined} aria-describedby={describedBy(id, true, error)}>
      <legend safe>{t(lang, l.agencies)}</legend>
      <HintAndError id={id} hint={t(lang, h.agencies)} error={error} />
      <ul class="agency-choices">
        {oc.choices.agencies.map((ag, i) => {
          const box = `${id}-${i}`;
          return (
            <li>
              <span class="choice">
                <input type="checkbox" id={box} name="agencies" value={ag.code} checked={typed.agencies.includes(ag.code)} />
                <label for={box} safe>
                  {ag.name}
                </label>
              </span>
              <label class="agency-due" for={`${box}-due`}>
                <span safe>{t(lang, h.replyBy)}</span>
                <span class="visually-hidden" safe>
                  {` – ${ag.name}`}
                </span>
              </label>
              <input type="date" id={`${box}-due`} name={agencyDueField(ag.code)} value={attrValue(typed.agencyDue[ag.code] ?? '')} />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A consultation's attachments and answers to send: the agencies consulted read only these (dossiers/privacy.ts). */
function Documents({ lang, a, oc, typed, error }: { lang: Lang; a: WorkflowAction; oc: OfficerCase; typed: TypedValues; error: string | undefined }): JSX.Element {
  const id = fieldId(a.key, 'documents');
  const v = oc.view;
  return (
    <fieldset id={id} class={error ? 'field-error' : undefined} aria-describedby={describedBy(id, true, error)}>
      <legend safe>{t(lang, cs.legend)}</legend>
      <HintAndError id={id} hint={t(lang, cs.hint)} error={error} />
      {v.files.length === 0 ? <p safe>{t(lang, cs.noFiles)}</p> : ''}
      {v.files.map((f) => (
        <div class="choice">
          <input type="checkbox" id={`${id}-${f.id}`} name="documents" value={String(f.id)} checked={typed.documents.includes(String(f.id))} />
          <label for={`${id}-${f.id}`} safe>
            {f.originalName}
          </label>
        </div>
      ))}
      {v.procedure?.form ? (
        <div class="choice">
          <input type="checkbox" id={`${id}-answers`} name="include_answers" value="yes" checked={typed.includeAnswers} />
          <label for={`${id}-answers`} safe>
            {t(lang, cs.answers)}
          </label>
        </div>
      ) : (
        ''
      )}
    </fieldset>
  );
}

function ReturnMethod({ lang, a, typed, error }: { lang: Lang; a: WorkflowAction; typed: TypedValues; error: string | undefined }): JSX.Element {
  const id = fieldId(a.key, 'return_method');
  return (
    <fieldset id={id} class={error ? 'field-error' : undefined} aria-describedby={describedBy(id, false, error)}>
      <legend safe>{t(lang, l.return_method)}</legend>
      <HintAndError id={id} error={error} />
      {RETURN_METHODS.map((rm) => (
        <div class="choice">
          <input type="radio" id={`${id}-${rm}`} name="return_method" value={rm} checked={typed.returnMethod === rm} />
          <label for={`${id}-${rm}`} safe>
            {t(lang, returnMethodLabels[rm])}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Assignee({ lang, a, oc, typed, error }: { lang: Lang; a: WorkflowAction; oc: OfficerCase; typed: TypedValues; error: string | undefined }): JSX.Element {
  const id = fieldId(a.key, 'assignee');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id} safe>
        {t(lang, l.assignee)}
      </label>
      <HintAndError id={id} error={error} />
      <select id={id} name="assignee" aria-describedby={describedBy(id, false, error)} aria-invalid={error ? 'true' : undefined}>
        <option value="" safe>
          {t(lang, h.chooseAssignee)}
        </option>
        {oc.choices.staff.map((s) => (
          <option value={String(s.id)} selected={typed.assignee === String(s.id)} safe>
            {s.fullName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The required "I confirm" box of a destructive action, checked on the server (confirm.ts). */
function Confirm({ lang, id, error }: { lang: Lang; id: string; error: string | undefined }): JSX.Element {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <HintAndError id={id} error={error} />
      <div class="choice">
        <input type="checkbox" id={id} name={CONFIRM_FIELD} value="yes" required aria-describedby={describedBy(id, false, error)} aria-invalid={error ? 'true' : undefined} />
        <label for={id} safe>
          {t(lang, confirmText.label)}
        </label>
      </div>
    </div>
  );
}

export function ActionForm({ req, oc, a, failed }: { req: FastifyRequest; oc: OfficerCase; a: WorkflowAction; failed?: FailedAction | undefined }): JSX.Element {
  const lang = req.lang;
  const mine = failed?.action === a.key ? failed : undefined;
  const typed = mine?.typed ?? EMPTY_TYPED;
  const err = (field: string): string | undefined => {
    const e = mine?.errors.find((x) => x.field === field);
    return e ? t(lang, e.message) : undefined;
  };
  const need = new Set(requirementsOf(a, oc.view.case));
  const files = need.has('files') || need.has('result_file');
  const id = (f: string): string => fieldId(a.key, f);
  const code = encodeURIComponent(oc.view.case.code);
  return (
    <section class="action" aria-labelledby={`action-${a.key}`}>
      <h3 id={`action-${a.key}`} tabindex="-1" safe>
        {t(lang, a.label)}
      </h3>
      <form method="post" action={`/mot-cua/ho-so/${code}/thao-tac/${a.key}`} enctype={files ? 'multipart/form-data' : undefined} novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="version" value={String(oc.view.case.rowVersion)} />
        {need.has('items') ? (
          <TextArea id={id('items')} name="items" label={t(lang, l.items)} hint={t(lang, h.items)} value={typed.items} error={err('items')} required rows={5} />
        ) : (
          ''
        )}
        {need.has('agencies') ? <Agencies lang={lang} a={a} oc={oc} typed={typed} error={err('agencies')} /> : ''}
        {a.effect === 'consult' ? <Documents lang={lang} a={a} oc={oc} typed={typed} error={err('documents')} /> : ''}
        {need.has('new_due_date') ? (
          <Input id={id('new_due_date')} name="new_due_date" type="date" label={t(lang, l.new_due_date)} hint={t(lang, h.newDueDate)} value={typed.newDueDate} error={err('new_due_date')} />
        ) : (
          ''
        )}
        {need.has('processing_days') ? (
          <Input
            id={id('processing_days')}
            name="processing_days"
            type="number"
            label={t(lang, l.processing_days)}
            hint={t(lang, h.processingDays)}
            value={typed.processingDays}
            error={err('processing_days')}
          />
        ) : (
          ''
        )}
        {need.has('return_method') ? <ReturnMethod lang={lang} a={a} typed={typed} error={err('return_method')} /> : ''}
        {need.has('assignee') ? <Assignee lang={lang} a={a} oc={oc} typed={typed} error={err('assignee')} /> : ''}
        {need.has('files') ? <Input id={id('files')} name="files.supplement" type="file" multiple label={t(lang, l.files)} hint={t(lang, h.files)} error={err('files')} /> : ''}
        {need.has('result_file') ? <Input id={id('result_file')} name="files.result" type="file" label={t(lang, l.result_file)} error={err('result_file')} /> : ''}
        <TextArea
          id={id('comment')}
          name="comment"
          label={t(lang, need.has('comment') ? l.comment : l.comment_optional)}
          value={typed.comment}
          error={err('comment')}
          required={need.has('comment')}
        />
        {isDestructive(a) ? <Confirm lang={lang} id={id(CONFIRM_FIELD)} error={err(CONFIRM_FIELD)} /> : ''}
        <button type="submit" class={isDestructive(a) ? 'danger' : undefined} safe>
          {t(lang, a.label)}
        </button>
      </form>
    </section>
  );
}
