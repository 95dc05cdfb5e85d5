// What a renewal of a licence needs (Circular 12/2025/TT-BCA Art. 21; TRANSPORT.md §4): refused while a violation is
// being processed; a health certificate except for A1, A and B1; expired less than a year ago → the theory test,
// a year or more → theory and practical; the renewed class from the conversion table. Procedure 3.000347.
import type { Text } from '../../../platform/web/i18n.ts';
import { addMonths } from './points.ts';
import { isClass, needsHealthCertificate, renewedClass, type LicenceClass } from './classes.ts';

export interface HeldLicence {
  number: string;
  /** The class as printed: a new class, or an old one (old = true). */
  licenceClass: string;
  old: boolean;
  expiresOn: string | null;
  /** A penalty case still open on the holder or the licence. */
  violationPending: boolean;
}

export type RenewalPath =
  | { ok: true; to: LicenceClass; restriction?: Text; healthCertificate: boolean; test: 'none' | 'theory' | 'theory-and-practical'; expired: boolean }
  | { ok: false; code: 'VIOLATION_PENDING' | 'NO_EXPIRY' | 'CLASS'; message: Text };

export function renewalPath(l: HeldLicence, today: string, wanted?: string): RenewalPath {
  if (l.violationPending) return { ok: false, code: 'VIOLATION_PENDING', message: { vi: 'Giấy phép đang có vi phạm chưa xử lý xong: chưa thể đổi.', en: 'A violation on this licence is still being processed: it cannot be renewed yet.' } };
  const r = renewedClass(l.licenceClass, wanted, l.old);
  if (!r.ok) return { ok: false, code: 'CLASS', message: r.message };
  if (l.expiresOn === null && !l.old && isClass(l.licenceClass)) return { ok: false, code: 'NO_EXPIRY', message: { vi: 'Hạng này không có thời hạn: không cần đổi vì hết hạn.', en: 'This class does not expire: there is nothing to renew.' } };
  const expires = l.expiresOn;
  const expired = expires !== null && expires < today;
  const test = expires === null || !expired ? 'none' : addMonths(expires, 12) > today ? 'theory' : 'theory-and-practical';
  return { ok: true, to: r.to, ...(r.restriction ? { restriction: r.restriction } : {}), healthCertificate: needsHealthCertificate(r.to), test, expired };
}
