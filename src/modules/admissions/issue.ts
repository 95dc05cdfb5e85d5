// Enrolment codes (DOMAIN §8: before the window, schools issue each child an enrolment code). Issued in bulk: the
// children are upserted by their personal ID number, each gets one code per round (issuing again returns the same).
import { randomInt } from 'node:crypto';
import type { Platform } from '../../platform/http/context.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import { AdmissionErrors } from './errors.ts';
import { admissionRepo } from './repo.ts';
import { LEVEL_PREFIX, PERSONAL_ID_PATTERN } from './rules.ts';
import { admissionDb } from './tables.ts';

export interface ChildInput {
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  residenceUnit: string;
  residenceArea?: string;
  finishedGrade5?: boolean;
  /** A code chosen in advance (demo data); a random one otherwise. */
  code?: string;
}

// No 0/O, 1/I/L: codes are typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newEnrolmentCode(prefix: string): string {
  let s = prefix;
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

const BATCH = 500;

export async function issueEnrolmentCodes(
  platform: Platform,
  actor: AuditEntry['actor'],
  input: { roundId: number; schoolCode: string; children: ChildInput[] },
): Promise<{ personalId: string; code: string }[]> {
  const db = admissionDb(platform.database.db);
  const round = await admissionRepo.findRound(db, input.roundId);
  const school = await admissionRepo.findSchoolByCode(db, input.schoolCode);
  if (!round || !school) throw AdmissionErrors.INVALID_INPUT({ details: { round: input.roundId, school: input.schoolCode } });
  const bad = input.children.find((c) => !PERSONAL_ID_PATTERN.test(c.personalId) || !/^\d{4}-\d{2}-\d{2}$/.test(c.birthDate));
  if (bad) throw AdmissionErrors.INVALID_INPUT({ details: { personal_id: bad.personalId } });
  const out: { personalId: string; code: string }[] = [];
  for (let i = 0; i < input.children.length; i += BATCH) {
    const chunk = input.children.slice(i, i + BATCH);
    await platform.database.db.transaction().execute(async (ptrx) => {
      const trx = admissionDb(ptrx);
      const ids = await trx
        .insertInto('admission_children')
        .values(
          chunk.map((c) => ({
            personal_id: c.personalId,
            full_name: c.fullName.normalize('NFC'),
            birth_date: c.birthDate,
            residence_unit: c.residenceUnit,
            residence_area: c.residenceArea ?? '',
            finished_grade5: c.finishedGrade5 ?? false,
          })),
        )
        .onConflict((oc) =>
          oc.column('personal_id').doUpdateSet((eb) => ({
            full_name: eb.ref('excluded.full_name'),
            birth_date: eb.ref('excluded.birth_date'),
            residence_unit: eb.ref('excluded.residence_unit'),
            residence_area: eb.ref('excluded.residence_area'),
            finished_grade5: eb.ref('excluded.finished_grade5'),
          })),
        )
        .returning(['id', 'personal_id'])
        .execute();
      const idOf = new Map(ids.map((r) => [r.personal_id, r.id]));
      await trx
        .insertInto('admission_enrolment_codes')
        .values(chunk.map((c) => ({ code: c.code ?? newEnrolmentCode(LEVEL_PREFIX[round.level]), round_id: round.id, child_id: idOf.get(c.personalId) ?? 0, school_id: school.id })))
        .onConflict((oc) => oc.columns(['round_id', 'child_id']).doNothing())
        .execute();
      const codes = await trx
        .selectFrom('admission_enrolment_codes as e')
        .innerJoin('admission_children as c', 'c.id', 'e.child_id')
        .select(['c.personal_id', 'e.code'])
        .where('e.round_id', '=', round.id)
        .where('c.personal_id', 'in', chunk.map((c) => c.personalId))
        .execute();
      out.push(...codes.map((r) => ({ personalId: r.personal_id, code: r.code })));
      await recordAudit(ptrx, { actor, action: 'admissions.issue_codes', entity: 'admission_round', entityId: round.id, data: { school: school.code, children: chunk.length } });
    });
  }
  return out;
}
