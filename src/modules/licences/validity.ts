// A licence's validity on a day, as the officer's page and the public verification page show it: revoked or replaced
// by its status; expired after its printed expiry (old licences too: valid until their printed expiry, TRANSPORT.md
// §4); at zero points the licence stands but its holder may not drive (Law 36/2024 Art. 58).
import type { Text } from '../../platform/web/i18n.ts';
import { m } from './messages.ts';
import type { LicenceRow } from './repo.ts';

export type Validity = 'valid' | 'expired' | 'revoked' | 'replaced' | 'no-points';

export function validityOf(l: Pick<LicenceRow, 'status' | 'expires_on' | 'points'>, today: string): Validity {
  if (l.status === 'revoked') return 'revoked';
  if (l.status === 'replaced') return 'replaced';
  if (l.expires_on !== null && l.expires_on < today) return 'expired';
  if (l.points === 0) return 'no-points';
  return 'valid';
}

export const VALIDITY_LABELS: Record<Validity, Text> = { valid: m.valid, expired: m.expired, revoked: m.revoked, replaced: m.replaced, 'no-points': m.noPoints };
