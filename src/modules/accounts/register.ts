// Citizens register themselves: name, personal identification number, phone or e-mail, password. Their
// username is their personal identification number, so they can also sign in with it.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser } from './repo.ts';
import { loadAccount } from './agencies.ts';
import { checkEmail, checkFullName, checkNewPassword, checkPersonalId, checkPhone, collect } from './validate.ts';
import { invalid as m } from './messages.ts';
import type { RequestContext, SignedIn } from './sign-in.ts';

export interface RegistrationInput {
  full_name: string;
  personal_id: string;
  phone: string;
  email: string;
  password: string;
  password_confirm: string;
}

const TAKEN_MESSAGES = { personal_id: m.personalIdTaken, phone: m.phoneTaken, email: m.emailTaken, username: m.personalIdTaken } as const;

/** Maps a unique violation that slipped past the check (two registrations at once) to its field. */
export function duplicateFromDb(err: unknown): FieldError[] | null {
  const e = err as { code?: string; constraint?: string } | null;
  if (e?.code !== '23505') return null;
  const c = e.constraint ?? '';
  if (c.includes('email')) return [{ field: 'email', message: m.emailTaken }];
  if (c.includes('phone')) return [{ field: 'phone', message: m.phoneTaken }];
  if (c.includes('username')) return [{ field: 'username', message: m.usernameTaken }];
  return [{ field: 'personal_id', message: m.personalIdTaken }];
}

export async function registerCitizen(db: Kysely<PlatformTables>, input: RegistrationInput, ctx: RequestContext): Promise<SignedIn> {
  const contactMissing: FieldError[] = !input.phone.trim() && !input.email.trim() ? [{ field: 'phone', message: m.contactRequired }] : [];
  const v = collect(
    {
      full_name: checkFullName('full_name', input.full_name),
      personal_id: checkPersonalId('personal_id', input.personal_id),
      phone: checkPhone('phone', input.phone),
      email: checkEmail('email', input.email),
    },
    [...contactMissing, ...checkNewPassword('password', input.password, 'password_confirm', input.password_confirm)],
  );
  const adb = accountsDb(db);
  const taken = await accountsRepo.taken(adb, { username: v.personal_id, personalId: v.personal_id, phone: v.phone, email: v.email });
  if (taken.size) {
    const fields = [...taken].map((k) => ({ field: k === 'username' ? 'personal_id' : k, message: TAKEN_MESSAGES[k] }));
    throw AccountErrors.DUPLICATE({ fields: fields.filter((f, i) => fields.findIndex((g) => g.field === f.field) === i) });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const tdb = accountsDb(trx);
      const id = await accountsRepo.insert(
        tdb,
        {
          kind: 'citizen',
          username: v.personal_id,
          email: v.email,
          phone: v.phone,
          personal_id: v.personal_id,
          full_name: v.full_name,
          password_hash: passwordHash,
          agency_id: null,
          last_sign_in_at: new Date(),
        },
        [],
      );
      const account = await loadAccount(trx, id);
      if (!account) throw AccountErrors.ACCOUNT_NOT_FOUND();
      const user = toSessionUser(account);
      await recordAudit(trx, {
        actor: user,
        action: 'account.register',
        entity: 'account',
        entityId: id,
        ip: ctx.ip,
        data: { after: { full_name: v.full_name, personal_id: v.personal_id, phone: v.phone, email: v.email } },
      });
      await recordAudit(trx, { actor: user, action: 'account.sign_in', entity: 'account', entityId: id, ip: ctx.ip, data: { registration: true } });
      const s = await createSession(trx, user, { ...(ctx.ip ? { ip: ctx.ip } : {}), ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}) });
      return { ...s, user, pending: false };
    });
  } catch (err) {
    const fields = duplicateFromDb(err);
    if (fields) throw AccountErrors.DUPLICATE({ fields });
    throw err;
  }
}
