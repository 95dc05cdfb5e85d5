// The registry's forms: registering an incoming document (Decree 30 Appendix VI metadata and its files) and drafting
// an outgoing one. A refused form comes back with what was typed and the errors on top and beside their fields.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CsrfField, describedBy, ErrorSummary, Field, HintAndError, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import type { IncomingValues, OutgoingValues } from '../input.ts';
import { FIELDS } from '../messages.ts';
import { pm } from '../page-messages.ts';
import { DOCS_URL, docUrl, errorsByField, secrecyOptions, summary, typeOptions, urgencyOptions } from './parts.tsx';

const L = (lang: FastifyRequest['lang'], k: keyof typeof FIELDS): string => t(lang, FIELDS[k]);

function FilesField({ lang, name, error }: { lang: FastifyRequest['lang']; name: string; error: string | undefined }): JSX.Element {
  const hint = t(lang, pm.filesHint);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="files" safe>
        {L(lang, 'files')}
      </label>
      <HintAndError id="files" hint={hint} error={error} />
      <input id="files" name={name} type="file" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby={describedBy('files', hint, error)} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}

export function IncomingFormPage({ req, values: v, errors, duplicateOf }: { req: FastifyRequest; values: IncomingValues; errors: readonly FieldError[]; duplicateOf?: number }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, errors);
  return (
    <Page req={req} title={pm.registerIncoming}>
      <p>
        <a class="back-link" href={DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, pm.registerIncoming)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, errors)} />
      {duplicateOf ? (
        <p>
          <a href={docUrl(duplicateOf)} safe>
            {t(lang, pm.duplicateOf)}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`${DOCS_URL}/den/moi`} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <Field id="author" label={L(lang, 'author')} value={v.author} error={e.author} required />
        <Field id="authorCode" label={L(lang, 'authorCode')} value={v.authorCode} error={e.authorCode} hint="000.00.00.H26" />
        <Field id="numberNotation" label={L(lang, 'numberNotation')} value={v.numberNotation} error={e.numberNotation} hint="125/UBND-VP" required />
        <Field id="documentDate" type="date" label={L(lang, 'documentDate')} value={v.documentDate} error={e.documentDate} required />
        <SelectField id="typeCode" label={L(lang, 'typeCode')} options={typeOptions(lang)} value={v.typeCode} error={e.typeCode} />
        <TextAreaField id="summary" label={L(lang, 'summary')} value={v.summary} error={e.summary} rows={3} required />
        <Field id="signerName" label={L(lang, 'signerName')} value={v.signerName} error={e.signerName} />
        <SelectField id="urgency" label={L(lang, 'urgency')} options={urgencyOptions(lang)} value={v.urgency} error={e.urgency} />
        <SelectField id="secrecy" label={L(lang, 'secrecy')} options={secrecyOptions(lang)} value={v.secrecy} error={e.secrecy} />
        <Field id="pageCount" label={L(lang, 'pageCount')} value={v.pageCount} error={e.pageCount} inputmode="numeric" />
        <Field id="dueDate" type="date" label={L(lang, 'dueDate')} value={v.dueDate} error={e.dueDate} />
        <FilesField lang={lang} name="files.main" error={e.files} />
        <button type="submit" safe>
          {t(lang, pm.registerButton)}
        </button>
      </form>
    </Page>
  );
}

export interface OutgoingFormState {
  values: OutgoingValues;
  errors: readonly FieldError[];
  /** The draft being edited, with the version the user saw; absent for a new draft. */
  edit?: { id: number; version: number };
  agencies: { code: string; name: string }[];
  colleagues: { id: number; name: string }[];
}

export function OutgoingFormPage({ req, state: s }: { req: FastifyRequest; state: OutgoingFormState }): JSX.Element {
  const lang = req.lang;
  const v = s.values;
  const e = errorsByField(lang, s.errors);
  const title = s.edit ? pm.editDraft : pm.newOutgoing;
  return (
    <Page req={req} title={title}>
      <p>
        <a class="back-link" href={s.edit ? docUrl(s.edit.id) : DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, title)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, s.errors)} />
      <form method="post" action={s.edit ? `${docUrl(s.edit.id)}/sua` : `${DOCS_URL}/di/moi`} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        {s.edit ? <input type="hidden" name="version" value={String(s.edit.version)} /> : ''}
        <input type="hidden" name="replyTo" value={v.replyTo} />
        <SelectField id="typeCode" label={L(lang, 'typeCode')} options={typeOptions(lang)} value={v.typeCode} error={e.typeCode} />
        <div class="field">
          <input type="checkbox" id="legal" name="legal" value="on" checked={v.legal} />{' '}
          <label for="legal" safe>
            {L(lang, 'legal')}
          </label>
        </div>
        <Field id="draftingUnit" label={L(lang, 'draftingUnit')} value={v.draftingUnit} error={e.draftingUnit} hint="VP, TP, KT" />
        <TextAreaField id="summary" label={L(lang, 'summary')} value={v.summary} error={e.summary} rows={2} required />
        <TextAreaField id="body" label={L(lang, 'body')} value={v.body} error={e.body} rows={12} required />
        <Field id="signerCompetence" label={L(lang, 'signerCompetence')} value={v.signerCompetence} error={e.signerCompetence} hint="KT. CHỦ TỊCH" />
        <Field id="signerPosition" label={L(lang, 'signerPosition')} value={v.signerPosition} error={e.signerPosition} hint="Chủ tịch" />
        <Field id="signerName" label={L(lang, 'signerName')} value={v.signerName} error={e.signerName} />
        <SelectField id="urgency" label={L(lang, 'urgency')} options={urgencyOptions(lang)} value={v.urgency} error={e.urgency} />
        <SelectField id="secrecy" label={L(lang, 'secrecy')} options={secrecyOptions(lang)} value={v.secrecy} error={e.secrecy} />
        <Field id="copies" label={L(lang, 'copies')} value={v.copies} error={e.copies} inputmode="numeric" />
        <TextAreaField id="recipients" label={L(lang, 'recipients')} value={v.recipients} error={e.recipients} hint={t(lang, pm.recipientsHint)} rows={4} />
        <div class="field">
          <label for="internal" safe>
            {L(lang, 'internalRecipients')}
          </label>
          <p class="hint" id="internal-hint" safe>
            {t(lang, pm.internalHint)}
          </p>
          <select id="internal" name="internal" multiple="multiple" size="6" aria-describedby="internal-hint">
            {s.agencies.map((a) => (
              <option value={a.code} selected={v.internal.includes(a.code)} safe>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <TextAreaField id="emails" label={L(lang, 'emails')} value={v.emails} error={e.emails} hint={t(lang, pm.emailsHint)} rows={3} />
        <div class="field">
          <label for="readers" safe>
            {L(lang, 'readers')}
          </label>
          <select id="readers" name="readers" multiple="multiple" size="4">
            {s.colleagues.map((c) => (
              <option value={String(c.id)} selected={v.readers.includes(String(c.id))} safe>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <FilesField lang={lang} name="files.attachments" error={e.files} />
        <button type="submit" safe>
          {t(lang, pm.saveDraft)}
        </button>
      </form>
    </Page>
  );
}
