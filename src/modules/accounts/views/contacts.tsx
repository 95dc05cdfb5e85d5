// The account's contacts with whether each is proven (issue 9), as the account, verification and "my data" pages show them.
import { formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import { common } from '../messages.ts';
import { verifyPage as v } from '../messages-verify.ts';
import type { Account } from '../repo.ts';
import { displayPhone } from '../validate.ts';

/** "Số điện thoại 0912 345 678" for the proven contact (the phone first), for the registration's success message. */
export function provenContact(lang: Lang, a: Pick<Account, 'phone' | 'email' | 'phone_verified_at' | 'email_verified_at'>): string {
  if (a.phone && a.phone_verified_at) return `${t(lang, common.phone)} ${displayPhone(a.phone)}`;
  if (a.email && a.email_verified_at) return `${t(lang, common.email)} ${a.email}`;
  return '';
}

export function contactStatus(lang: Lang, value: string | null, verifiedAt: Date | null): string {
  if (!value) return t(lang, common.none);
  return verifiedAt ? t(lang, v.verifiedAt, { at: formatDateTime(lang, verifiedAt) }) : t(lang, v.notVerified);
}

/** Contact, value, status: one row each for the phone and the e-mail. */
export function ContactsTable({ lang, account, caption }: { lang: Lang; account: Account; caption: string }): JSX.Element {
  const rows = [
    { label: t(lang, common.phone), value: account.phone ? displayPhone(account.phone) : t(lang, common.none), status: contactStatus(lang, account.phone, account.phone_verified_at) },
    { label: t(lang, common.email), value: account.email ?? t(lang, common.none), status: contactStatus(lang, account.email, account.email_verified_at) },
  ];
  return (
    <table>
      <caption safe>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row" safe>
              {r.label}
            </th>
            <td safe>{r.value}</td>
            <td safe>{r.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
