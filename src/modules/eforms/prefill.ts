// First display of a form for a signed-in citizen: the fields marked `prefill` take the profile's values, so
// nobody types their own name and number again (the "once-only" principle of Decree 45/2020).
import type { EformDefinition } from './schema.ts';
import { normalisePhone } from './coerce.ts';

export interface PrefillProfile {
  fullName?: string | null;
  personalId?: string | null;
  /** E.164 (+84912345678) or national form; shown in national form. */
  phone?: string | null;
  email?: string | null;
  address?: { commune?: string | null; street?: string | null } | null;
}

/** Flat values (`applicant.fullName` → …) for renderEformFields' `values`. */
export function prefillValues(def: EformDefinition, profile: PrefillProfile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, field] of Object.entries(def.ui.fields)) {
    const key = field.prefill;
    if (!key) continue;
    if (key === 'address') {
      if (field.widget !== 'address' || !profile.address) continue;
      if (profile.address.commune) out[`${path}.commune`] = profile.address.commune;
      if (profile.address.street) out[`${path}.street`] = profile.address.street;
      continue;
    }
    const v = profile[key];
    if (!v) continue;
    out[path] = key === 'phone' ? (normalisePhone(v) ?? v) : v;
  }
  return out;
}
