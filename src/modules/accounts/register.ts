// Citizens register themselves (issue 9): name, personal identification number, phone or e-mail, password, and their
// consent to the privacy notice (Decree 13/2023/NĐ-CP Art. 11). The account is created only when the 6-digit code sent
// to the mobile number (SMS) or, without one, to the e-mail comes back, so every account starts with a proven contact.
// A registration with an ID, phone or e-mail that already belongs to an account gets the very same answer ("we sent a
// code to …") after the same argon2 hash, but no code: the owner of those details is told by message (owners.ts).
// A citizen's username is their personal identification number.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser } from './repo.ts';
import { codesRepo } from './repo-codes.ts';
import { loadAccount } from './agencies.ts';
import { checkEmail, checkFullName, checkNewPassword, checkPersonalId, checkPhone, collect } from './validate.ts';
import { checkAllowance, checkCode, destinationFor, insertJourney, newCode, newFlowToken, openJourney, queueCode, resendCode, type Destination } from './codes.ts';
import { tellOwners } from './owners.ts';
import { PRIVACY_NOTICE } from './messages-privacy.ts';
import { invalid as m } from './messages.ts';
import { consentText } from './messages-verify.ts';
import type { RequestContext, SignedIn } from './sign-in.ts';

export interface RegistrationInput {
  full_name: string;
  personal_id: string;
  phone: string;
  email: string;
  password: string;
  password_confirm: string;
  /** The consent box was ticked. */
  consent: boolean;
}

/** What a registration waiting for its code keeps (account_codes.payload), until the code comes back. */
interface Pending {
  full_name: string;
  personal_id: string;
  phone: string | null;
  email: string | null;
  password_hash: string;
  consent_version: string;
  consent_at: string;
}

function pendingOf(v: unknown): Pending {
  const p = v as Partial<Pending> | null;
  if (!p || typeof p.full_name !== 'string' || typeof p.personal_id !== 'string' || typeof p.password_hash !== 'string' || typeof p.consent_version !== 'string' || typeof p.consent_at !== 'string') {
    throw AccountErrors.CODE_INVALID({ fields: [{ field: 'code', message: AccountErrors.CODE_INVALID().text }] });
  }
  return { ...(p as Pending), phone: p.phone ?? null, email: p.email ?? null };
}

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

/** Every problem of the form at once; the clean values and where the code goes. */
function checkForm(input: RegistrationInput) {
  const contactMissing: FieldError[] = !input.phone.trim() && !input.email.trim() ? [{ field: 'phone', message: m.contactRequired }] : [];
  const consent: FieldError[] = input.consent ? [] : [{ field: 'consent', message: consentText.required }];
  const v = collect(
    {
      full_name: checkFullName('full_name', input.full_name),
      personal_id: checkPersonalId('personal_id', input.personal_id),
      phone: checkPhone('phone', input.phone),
      email: checkEmail('email', input.email),
    },
    [...contactMissing, ...checkNewPassword('password', input.password, 'password_confirm', input.password_confirm), ...consent],
  );
  const destination = destinationFor(v.phone, v.email);
  if (!destination) throw AccountErrors.INVALID_INPUT({ fields: [{ field: 'phone', message: consentText.phoneNotMobile }] });
  return { ...v, destination };
}

export interface RegistrationStarted {
  /** The flow token for the browser's cookie. */
  token: string;
  destination: Destination;
}

export async function startRegistration(platform: Platform, input: RegistrationInput, ctx: RequestContext): Promise<RegistrationStarted> {
  const v = checkForm(input);
  const db = platform.database.db;
  await checkAllowance(accountsDb(db), v.destination.to);
  // Hashed on both paths, so that how long the answer takes does not tell whether the details were free.
  const passwordHash = await hashPassword(input.password);
  const owners = await accountsRepo.owners(accountsDb(db), { username: v.personal_id, personalId: v.personal_id, phone: v.phone, email: v.email });
  const token = newFlowToken();
  await db.transaction().execute(async (trx) => {
    if (owners.length === 0) {
      const code = newCode();
      const pending: Pending = {
        full_name: v.full_name,
        personal_id: v.personal_id,
        phone: v.phone,
        email: v.email,
        password_hash: passwordHash,
        consent_version: PRIVACY_NOTICE.version,
        consent_at: new Date().toISOString(),
      };
      await insertJourney(trx, { purpose: 'register', token, accountId: null, destination: v.destination, code, payload: { ...pending } });
      await queueCode(trx, platform, v.destination, 'register', code);
      await recordAudit(trx, { actor: null, action: 'account.register_code', entity: 'account', ip: ctx.ip, data: { channel: v.destination.channel } });
      return;
    }
    // A journey that accepts no code: the page, the resend button and the wrong-code answer behave as for a new person.
    await insertJourney(trx, { purpose: 'register', token, accountId: null, destination: v.destination, code: null });
    await tellOwners(trx, platform, owners, { personalId: v.personal_id, phone: v.phone, email: v.email }, v.destination, ctx);
  });
  return { token, destination: v.destination };
}

/** Where the browser's waiting registration sent its code, or undefined (none, used, or older than an hour). */
export async function pendingRegistration(db: Kysely<PlatformTables>, token: string | undefined): Promise<Destination | undefined> {
  const row = await openJourney(db, token, 'register');
  return row ? { channel: row.channel, to: row.destination } : undefined;
}

export async function resendRegistrationCode(platform: Platform, token: string | undefined): Promise<Destination> {
  const row = await openJourney(platform.database.db, token, 'register');
  return resendCode(platform, row, token ?? '');
}

/** The code came back: the account is created with the contact proven and the consent stored, and signed in. */
export async function confirmRegistration(platform: Platform, token: string | undefined, code: string, ctx: RequestContext): Promise<SignedIn & { verified: Destination }> {
  const db = platform.database.db;
  const row = await checkCode(db, await openJourney(db, token, 'register'), token ?? '', code);
  const p = pendingOf(row.payload);
  const verified: Destination = { channel: row.channel, to: row.destination };
  try {
    return await db.transaction().execute(async (trx) => {
      const tdb = accountsDb(trx);
      if (!(await codesRepo.use(tdb, row.id))) throw AccountErrors.CODE_INVALID({ fields: [{ field: 'code', message: AccountErrors.CODE_INVALID().text }] });
      const now = new Date();
      const id = await accountsRepo.insert(
        tdb,
        {
          kind: 'citizen',
          username: p.personal_id,
          email: p.email,
          phone: p.phone,
          personal_id: p.personal_id,
          full_name: p.full_name,
          password_hash: p.password_hash,
          agency_id: null,
          last_sign_in_at: now,
          phone_verified_at: verified.channel === 'sms' ? now : null,
          email_verified_at: verified.channel === 'email' ? now : null,
        },
        [],
      );
      await codesRepo.addConsent(tdb, { accountId: id, version: p.consent_version, givenAt: new Date(p.consent_at), ip: ctx.ip });
      const account = await loadAccount(trx, id);
      if (!account) throw AccountErrors.ACCOUNT_NOT_FOUND();
      const user = toSessionUser(account);
      const after = { full_name: p.full_name, personal_id: p.personal_id, phone: p.phone, email: p.email };
      await recordAudit(trx, { actor: user, action: 'account.register', entity: 'account', entityId: id, ip: ctx.ip, data: { after, verified: verified.channel, consent: p.consent_version } });
      await recordAudit(trx, { actor: user, action: 'account.sign_in', entity: 'account', entityId: id, ip: ctx.ip, data: { registration: true } });
      const s = await createSession(trx, user, { ...(ctx.ip ? { ip: ctx.ip } : {}), ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}) });
      return { ...s, user, pending: false, verified };
    });
  } catch (err) {
    // Someone registered the same details between the form and the code (two registrations at once).
    if (duplicateFromDb(err)) throw AccountErrors.DUPLICATE({ fields: [{ field: 'code', message: AccountErrors.DUPLICATE().text }] });
    throw err;
  }
}
