// Who is applying, read from the e-form's answers: the fields an e-form marks `prefill` (fullName, personalId, phone,
// email, address) are the applicant's. What the form does not ask comes from the signed-in citizen's account. A
// dossier needs at least a name and a well-formed personal identification number (printed on the receipt and in
// its QR code).
import type { FieldError } from '../../platform/http/errors.ts';
import { parsePersonalId } from '../../platform/text/index.ts';
import { addressText, normalisePhone, type AddressUnit, type AddressValue, type EformDefinition, type PrefillKey } from '../eforms/index.ts';
import type { Applicant } from './schema.ts';
import { invalid as m } from './messages.ts';

/** What the account knows (empty strings when nothing). */
export interface ApplicantDefaults {
  fullName: string;
  personalId: string;
  phone: string;
  email: string;
}

/** 0912 345 678 for +84912345678. */
export function displayPhone(e164: string | null): string {
  if (!e164) return '';
  if (!e164.startsWith('+84')) return e164;
  const national = `0${e164.slice(3)}`;
  return national.length === 10 ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}` : national;
}

function valueAt(value: Record<string, unknown>, path: string): unknown {
  let cur: unknown = value;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Phone numbers are stored in E.164 (+84…), as accounts keep them. */
function e164(raw: string): string {
  const national = normalisePhone(raw);
  return national ? `+84${national.slice(1)}` : raw;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The path of the field that prefills `key`, if the form has one. */
function pathOf(def: EformDefinition, key: PrefillKey): string | undefined {
  return Object.entries(def.ui.fields).find(([, f]) => f.prefill === key)?.[0];
}

export function applicantFrom(
  def: EformDefinition,
  answers: Record<string, unknown>,
  units: readonly AddressUnit[],
  defaults: ApplicantDefaults,
): { applicant: Applicant; errors: FieldError[] } {
  const read = (key: PrefillKey): unknown => {
    const path = pathOf(def, key);
    return path ? valueAt(answers, path) : undefined;
  };
  const name = text(read('fullName')) || defaults.fullName;
  const pidRaw = text(read('personalId')) || defaults.personalId;
  const phoneRaw = text(read('phone')) || defaults.phone;
  const email = (text(read('email')) || defaults.email).toLowerCase() || null;
  const addr = read('address');
  const address =
    addr && typeof addr === 'object' ? addressText(addr as AddressValue, units) : text(addr);

  const errors: FieldError[] = [];
  if (!name) errors.push({ field: pathOf(def, 'fullName') ?? 'applicant.fullName', message: m.nameRequired });
  else if (name.length > 150) errors.push({ field: pathOf(def, 'fullName') ?? 'applicant.fullName', message: m.nameTooLong });
  let personalId = pidRaw;
  const pid = parsePersonalId(pidRaw);
  if (!pidRaw) errors.push({ field: pathOf(def, 'personalId') ?? 'applicant.personalId', message: m.personalIdRequired });
  else if (!pid.ok) errors.push({ field: pathOf(def, 'personalId') ?? 'applicant.personalId', message: pid.message });
  else personalId = pid.personalId;
  return {
    applicant: { name, personal_id: personalId, phone: phoneRaw ? e164(phoneRaw) : null, email, address },
    errors,
  };
}
