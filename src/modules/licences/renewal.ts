// The online renewal of a driving licence (procedure 3.000347; Circular 12/2025/TT-BCA Art. 21; TRANSPORT.md §4),
// fed by the registry through the dossiers' procedure extension (dossiers/extensions.ts) — the normal submission,
// fee, receipt and back office, nothing parallel:
//   form      the citizen picks among their licences in force; each choice says the class it renews into (the
//             conversion table), whether a health certificate is needed and which test (renewalPath); the number,
//             class, expiry and birth date are prefilled from the registry;
//   check     a licence of the registry must be the applicant's and in force; one with an open penalty case is refused
//             ("a violation being processed"), as is a class with no expiry or none in the table; the class and
//             expiry stored are the registry's; the health certificate is required where the renewed class needs it
//             and must be under 12 months old. A number the registry does not hold is refused beside the field:
//             only a licence in the registry is renewed online (TRANSPORT.md §4); the form says so above it when the
//             citizen holds no licence in force;
//   approved  a number not in the registry refuses the approval; else it issues the renewed licence: the renewed
//             class, issued today, the expiry of its class (expiryOf), a new random verify token, the points record
//             carried over; the old licence is marked replaced by it; audited in the approval's transaction;
//   result    the applicant's dossier page shows the e-licence with its QR code (/xac-minh-gplx/<token>).
// A renewal that needs a test is approved once the applicant passed it at the testing centre [U: not tracked here].
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formatIsoDay, t, type Lang, type Text } from '../../platform/web/i18n.ts';
import { findAccountContact } from '../accounts/index.ts';
import type { Dossier, ProcedureExtension } from '../dossiers/index.ts';
import type { EformDefinition } from '../eforms/index.ts';
import { type HeldLicenceView, licencesOfHolder } from './citizen.ts';
import { LicenceErrors } from './errors.ts';
import { newVerifyToken } from './import.ts';
import { verifyQr } from './qr.ts';
import { asPlatformDb, type LicenceRow, type LicencesDb, licencesDb, licencesRepo } from './repo.ts';
import { expiryOf } from './rules/classes.ts';
import type { RenewalPath } from './rules/renewal.ts';
import { r } from './renewal-messages.ts';
import { ELicenceSection } from './views/renewed.tsx';
import { validityOf } from './validity.ts';

export const RENEWAL_PROCEDURE = '3.000347';

/** The registry's class as the form's list names it (the form says B11 for the old automatic B1). */
const formClass = (c: string): string => (c === 'B1-AT' ? 'B11' : c);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const TESTS: Record<'none' | 'theory' | 'theory-and-practical', Text> = { none: r.testNone, theory: r.testTheory, 'theory-and-practical': r.testFull };

/** One licence as a choice of the form: number, class and expiry, then what its renewal needs or why it cannot be. */
export function choiceLabel(l: HeldLicenceView): Text {
  const both = (lang: Lang): string => {
    const head = `${l.number} — ${t(lang, r.classOf, { c: l.old ? `${l.licenceClass} (${t(lang, r.oldClass)})` : l.licenceClass })}, ${l.expiresOn ? t(lang, r.validUntil, { d: formatIsoDay(l.expiresOn) }) : t(lang, r.noExpiry)}`;
    return `${head}: ${pathText(l.renewal, lang)}`;
  };
  return { vi: both('vi'), en: both('en') };
}

export function pathText(p: RenewalPath, lang: Lang): string {
  if (!p.ok) return `${t(lang, r.cannot)} ${t(lang, p.message)}`;
  const parts = [t(lang, r.renewsInto, { c: p.to }), t(lang, p.healthCertificate ? r.healthNeeded : r.healthNotNeeded), t(lang, TESTS[p.test])];
  if (p.restriction) parts.push(t(lang, p.restriction));
  return parts.join('; ');
}

/** The holder's citizen-ID number: the citizen's own account; for an officer or integrator, the form's applicant. */
async function holderPin(platform: Platform, user: SessionUser, formData: Record<string, unknown>): Promise<string | null> {
  if (user.kind === 'citizen') return (await findAccountContact(platform.database.db, user.id))?.personalId ?? null;
  const pin = obj(formData.applicant).personalId;
  return typeof pin === 'string' ? pin : null;
}

async function showForm(platform: Platform, user: SessionUser, def: EformDefinition): Promise<{ def: EformDefinition; prefill: Record<string, unknown>; notice?: Text }> {
  const held = user.kind === 'citizen' ? await licencesOfHolder(licencesDb(platform.database.db), (await findAccountContact(platform.database.db, user.id))?.personalId ?? '') : [];
  // Nothing to renew online (Circular 12/2025/TT-BCA Art. 21: a licence of the registry): said plainly above the form;
  // the number stays a text field, so a number typed anyway is refused beside it by the check with what was typed.
  if (held.length === 0) return { def, prefill: {}, ...(user.kind === 'citizen' ? { notice: r.noneHeld } : {}) };
  const field = def.ui.fields['licence.number'];
  if (!field) return { def, prefill: {} };
  // The licences due soonest first, the renewable before the others.
  const sorted = [...held].sort((a, b) => Number(!a.renewal.ok) - Number(!b.renewal.ok) || (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'));
  const shown: EformDefinition = {
    ...def,
    ui: { ...def.ui, fields: { ...def.ui.fields, 'licence.number': { ...field, widget: 'radio', hint: r.pickHint, options: sorted.map((l) => ({ value: l.number, label: choiceLabel(l) })) } } },
  };
  const first = sorted[0]!;
  const prefill: Record<string, unknown> = { 'licence.number': first.number, 'licence.class': formClass(first.licenceClass), 'licence.expiryDate': first.expiresOn ?? '', 'applicant.birthDate': first.birthDate };
  return { def: shown, prefill };
}

async function checkRenewal(platform: Platform, user: SessionUser, formData: Record<string, unknown>, ctx: { now: Date }): Promise<{ errors: FieldError[]; formData: Record<string, unknown> }> {
  const licence = obj(formData.licence);
  const number = typeof licence.number === 'string' ? licence.number : '';
  const db = licencesDb(platform.database.db);
  const known = number ? await licencesRepo.byNumber(db, number) : undefined;
  // Circular 12/2025/TT-BCA Art. 21 (TRANSPORT.md §4): the renewal is refused "if the licence is not in the registry" —
  // on every channel (web, API, counter), nothing saved.
  if (!known) return { errors: [{ field: 'licence.number', message: { vi: t('vi', r.notInRegistry, { n: number }), en: t('en', r.notInRegistry, { n: number }) } }], formData };
  const today = vietnamDateOf(ctx.now);
  const pin = await holderPin(platform, user, formData);
  const held = pin ? (await licencesOfHolder(db, pin, { today })).find((l) => l.number === number) : undefined;
  if (!held) return { errors: [{ field: 'licence.number', message: r.notYours }], formData };
  if (obj(formData.applicant).personalId !== pin) return { errors: [{ field: 'applicant.personalId', message: r.pinNotHolder }], formData };
  // Circular 12/2025/TT-BCA Art. 21: refused while a violation is being processed, and for what cannot be renewed.
  if (!held.renewal.ok) return { errors: [{ field: 'licence.number', message: held.renewal.message }], formData };
  const stored = { ...formData, licence: { ...licence, class: formClass(held.licenceClass), ...(held.expiresOn ? { expiryDate: held.expiresOn } : {}) } };
  if (!held.expiresOn) delete (stored.licence as Record<string, unknown>).expiryDate;
  const errors: FieldError[] = [];
  const health = typeof formData.healthCheckDate === 'string' ? formData.healthCheckDate : '';
  // A health certificate for every class but A1, A and B1 (Art. 21; needsHealthCertificate), valid 12 months.
  if (held.renewal.healthCertificate && !health) errors.push({ field: 'healthCheckDate', message: r.healthRequired });
  else if (held.renewal.healthCertificate && health < addDays(today, -365)) errors.push({ field: 'healthCheckDate', message: r.healthOld });
  return { errors, formData: stored };
}

/** A free 12-digit number of the same issuing province (the first two digits). */
async function freeNumber(trx: LicencesDb, province: string): Promise<string> {
  for (;;) {
    const n = `${province}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
    if (!(await licencesRepo.byNumber(trx, n))) return n;
  }
}

async function issueRenewal(trxRaw: Kysely<PlatformTables>, _platform: Platform, ctx: { dossier: Dossier; user: SessionUser; now: Date }): Promise<Record<string, unknown> | undefined> {
  const trx = licencesDb(trxRaw);
  const number = obj(ctx.dossier.formData.licence).number;
  // No licence number at all: a dossier without e-form answers (the demo and scale seed's rows; the e-form requires
  // the number on every real submission) issues nothing, as any procedure without a registry.
  if (typeof number !== 'string') return undefined;
  // Circular 12/2025/TT-BCA Art. 21: a licence not in the registry is not renewed; the approval is refused.
  const old = await licencesRepo.byNumber(trx, number, true);
  if (!old) throw LicenceErrors.NOT_IN_REGISTRY();
  if (old.holder_pin !== ctx.dossier.applicant.personal_id) throw LicenceErrors.NOT_HOLDER();
  if (old.status !== 'valid') throw LicenceErrors.NOT_VALID();
  const today = vietnamDateOf(ctx.now);
  const path = (await licencesOfHolder(trx, old.holder_pin, { today })).find((l) => l.number === number)?.renewal;
  if (!path) throw LicenceErrors.NOT_VALID();
  if (!path.ok) throw path.code === 'VIOLATION_PENDING' ? LicenceErrors.VIOLATION_PENDING() : LicenceErrors.NOT_RENEWABLE({ ...path.message });
  const newNumber = await freeNumber(trx, old.province_code);
  const inserted = await trx
    .insertInto('licences')
    .values({
      number: newNumber,
      holder_pin: old.holder_pin,
      full_name: old.full_name,
      birth_date: old.birth_date,
      licence_class: path.to,
      old: false,
      issued_on: today,
      expires_on: expiryOf(path.to, today),
      province_code: old.province_code,
      restriction: path.restriction ? path.restriction.vi : old.restriction,
      points: old.points,
      points_as_of: today,
      verify_token: newVerifyToken(),
      dossier_code: ctx.dossier.code,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The 12-point record goes with the holder onto the new licence (Law 36/2024 Art. 58): its events are copied.
  await sql`insert into licence_points_events (licence_id, kind, effective_on, points, decision, recorded_by)
            select ${inserted.id}, kind, effective_on, points, decision, recorded_by from licence_points_events where licence_id = ${old.id}`.execute(trx);
  await trx.updateTable('licences').set({ status: 'replaced', status_reason: `Đổi giấy phép lái xe, hồ sơ ${ctx.dossier.code}`, status_on: today, replaced_by: inserted.id }).where('id', '=', old.id).execute();
  await recordAudit(asPlatformDb(trx), { actor: ctx.user, action: 'licences.renewed', entity: 'licence', entityId: inserted.id, data: { dossier: ctx.dossier.code, from: old.number, fromClass: old.licence_class, to: newNumber, toClass: path.to, test: path.test } });
  return { licence_renewed: newNumber };
}

async function renewalResult(platform: Platform, dossier: Dossier, lang: Lang): Promise<JSX.Element | undefined> {
  const l: LicenceRow | undefined = await licencesRepo.byDossier(licencesDb(platform.database.db), dossier.code);
  if (!l) return undefined;
  const qr = await verifyQr(platform, l.verify_token);
  return ELicenceSection({ lang, licence: l, validity: validityOf(l, vietnamDateOf(new Date())), ...qr });
}

export const renewalExtension: ProcedureExtension = {
  form: (platform, user, def) => showForm(platform, user, def),
  check: (platform, user, formData, ctx) => checkRenewal(platform, user, formData, ctx),
  approved: (trx, platform, ctx) => issueRenewal(trx, platform, ctx),
  result: (platform, dossier, lang) => renewalResult(platform, dossier, lang),
};
