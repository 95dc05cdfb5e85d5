// The signed-in person corrects their own name and contacts. The personal identification number and, for staff, the
// agency and roles are not theirs to change. A new phone number or e-mail address is a new way to sign in and to
// receive password resets, so changing either needs the current password; the name alone does not. The new contact is
// unproven until verified at /tai-khoan/xac-minh; with no proven contact left a citizen cannot submit.
import { requireUser, type Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import { refreshUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser } from './repo.ts';
import { loadAccount } from './agencies.ts';
import { checkEmail, checkFullName, checkPhone, collect } from './validate.ts';
import { duplicateFromDb } from './register.ts';
import { checkCurrentPassword } from './guard.ts';
import { invalid as m } from './messages.ts';
import type { RequestContext } from './sign-in.ts';

export interface ProfileInput {
  full_name: string;
  phone: string;
  email: string;
  /** Needed only when the phone or e-mail changes. */
  profile_password: string;
}

const TAKEN = { phone: m.phoneTaken, email: m.emailTaken } as const;

/** Saves the changes; returns false when nothing changed. Refused with errors beside the fields, nothing saved. */
export async function updateOwnProfile(platform: Platform, actor: Actor, input: ProfileInput, ctx: RequestContext): Promise<boolean> {
  const user = requireUser(actor);
  const db = platform.database.db;
  const contactMissing: FieldError[] = !input.phone.trim() && !input.email.trim() ? [{ field: 'phone', message: m.contactRequired }] : [];
  const v = collect({ full_name: checkFullName('full_name', input.full_name), phone: checkPhone('phone', input.phone), email: checkEmail('email', input.email) }, contactMissing);
  const account = await loadAccount(db, user.id);
  if (!account) throw AccountErrors.ACCOUNT_NOT_FOUND();
  const before = { full_name: account.full_name, phone: account.phone, email: account.email };
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== v[k]);
  if (changed.length === 0) return false;
  if (changed.includes('phone') || changed.includes('email')) {
    if (!input.profile_password) throw AccountErrors.INVALID_INPUT({ fields: [{ field: 'profile_password', message: m.passwordForContacts }] });
    await checkCurrentPassword(platform, account, input.profile_password, ctx, 'profile_password');
  }
  const adb = accountsDb(db);
  const taken = await accountsRepo.taken(adb, { ...(changed.includes('phone') ? { phone: v.phone } : {}), ...(changed.includes('email') ? { email: v.email } : {}) }, user.id);
  const clash = [...taken].filter((k): k is 'phone' | 'email' => k === 'phone' || k === 'email');
  if (clash.length > 0) throw AccountErrors.DUPLICATE({ fields: clash.map((k) => ({ field: k, message: TAKEN[k] })) });
  try {
    await db.transaction().execute(async (trx) => {
      // A new phone number or e-mail address is not proven until a code sent there comes back (issue 9).
      await accountsRepo.update(accountsDb(trx), user.id, {
        full_name: v.full_name,
        phone: v.phone,
        email: v.email,
        ...(changed.includes('phone') ? { phone_verified_at: null } : {}),
        ...(changed.includes('email') ? { email_verified_at: null } : {}),
      });
      const after = { full_name: v.full_name, phone: v.phone, email: v.email };
      await recordAudit(trx, { actor: user, action: 'account.profile_change', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip, data: { before, after, changed } });
      const updated = await loadAccount(trx, user.id);
      if (updated) await refreshUserSessions(trx, toSessionUser(updated));
    });
  } catch (err) {
    // Two accounts taking the same number at once: the unique index decides, the loser is told beside the field.
    const fields = duplicateFromDb(err);
    if (fields) throw AccountErrors.DUPLICATE({ fields });
    throw err;
  }
  return true;
}
