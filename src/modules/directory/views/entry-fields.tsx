// The fields of a directory entry, shared by the add form and the edit page; values come back as typed on an error.
import type { FieldError } from '../../../platform/http/errors.ts';
import { Field } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { FIELDS as f } from '../messages.ts';
import { adm as a } from '../page-messages.ts';
import type { EntryRow } from '../repo.ts';

export interface EntryValues {
  fullName: string;
  position: string;
  department: string;
  email: string;
  officePhone: string;
  mobile: string;
  sortOrder: string;
  public: string;
  accountId: string;
}

export const EMPTY_ENTRY: EntryValues = { fullName: '', position: '', department: '', email: '', officePhone: '', mobile: '', sortOrder: '', public: '', accountId: '' };

const KEYS = Object.keys(EMPTY_ENTRY) as (keyof EntryValues)[];

/** The form's fields as typed (strings only; a missing checkbox is ''). */
export function entryValues(body: unknown): EntryValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const out = { ...EMPTY_ENTRY };
  for (const k of KEYS) {
    const v = b[k];
    out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}

export function valuesOf(e: EntryRow): EntryValues {
  return {
    fullName: e.full_name,
    position: e.position,
    department: e.department,
    email: e.email,
    officePhone: e.office_phone,
    mobile: e.mobile,
    sortOrder: String(e.sort_order),
    public: e.public ? 'on' : '',
    accountId: e.account_id === null ? '' : String(e.account_id),
  };
}

export function errorFor(lang: Lang, errors: FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? t(lang, e.message) : undefined;
}

export function EntryFields({ lang, values, errors, domain }: { lang: Lang; values: EntryValues; errors: FieldError[]; domain: string }): JSX.Element {
  const err = (k: keyof EntryValues) => errorFor(lang, errors, k);
  return (
    <>
      <Field id="fullName" label={t(lang, f.fullName)} value={values.fullName} error={err('fullName')} autocomplete="off" required />
      <Field id="position" label={t(lang, f.position)} value={values.position} error={err('position')} />
      <Field id="department" label={t(lang, f.department)} value={values.department} error={err('department')} />
      <Field id="email" type="email" label={t(lang, f.email)} hint={t(lang, a.emailHint, { domain })} value={values.email} error={err('email')} autocomplete="off" required />
      <Field id="officePhone" type="tel" label={t(lang, f.officePhone)} hint={t(lang, a.phoneHint)} value={values.officePhone} error={err('officePhone')} />
      <Field id="mobile" type="tel" label={t(lang, f.mobile)} hint={t(lang, a.mobileHint)} value={values.mobile} error={err('mobile')} />
      <Field id="sortOrder" label={t(lang, f.sortOrder)} hint={t(lang, a.sortHint)} value={values.sortOrder} error={err('sortOrder')} inputmode="numeric" />
      <Field id="accountId" label={t(lang, f.accountId)} hint={t(lang, a.accountHint)} value={values.accountId} error={err('accountId')} inputmode="numeric" />
      <div class="field">
        <div class="choice">
          <input id="public" name="public" type="checkbox" value="on" checked={values.public !== ''} />
          <label for="public" safe>
            {t(lang, f.public)}
          </label>
        </div>
      </div>
    </>
  );
}
