// Enrolment codes from a school's CSV file (DOMAIN §8: before the window, schools issue each child an enrolment code).
// One child a line: personal ID number, full name, birth date, residence unit code (GSO), area (part of the unit, may be
// empty), and for grade 6 a sixth column saying the child finished grade 5. Every line comes back accepted (with its
// code: new, or the one issued before — importing the same file twice issues nothing twice) or refused with the reason.
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { parseCsv } from '../../platform/text/index.ts';
import { findUnit } from '../units/index.ts';
import { issueEnrolmentCodes, type ChildInput } from './issue.ts';
import { eligibility, PERSONAL_ID_PATTERN, windowState } from './rules.ts';
import { admissionDb } from './tables.ts';
import { ownSchool, roundsOf, SchoolErrors } from './school.ts';
import { defineErrors } from '../../platform/http/errors.ts';

export const CodeErrors = defineErrors({
  ROUND_CLOSED: { status: 409, vi: 'Đợt tuyển sinh đã kết thúc, không cấp thêm mã.', en: 'The round has closed: no more codes are issued.' },
  EMPTY_FILE: { status: 400, vi: 'Tệp không có dòng nào. Vui lòng chọn tệp CSV danh sách trẻ.', en: 'The file has no lines. Please choose the CSV file of children.' },
  TOO_MANY: { status: 400, vi: 'Tệp có quá 5.000 dòng. Vui lòng chia nhỏ tệp.', en: 'The file has more than 5,000 lines. Please split it.' },
});
export const MAX_LINES = 5000;

export type Outcome = 'issued' | 'already' | 'refused';
export interface ImportLine {
  line: number;
  personalId: string;
  fullName: string;
  outcome: Outcome;
  code?: string;
  reason?: Text;
}

const R = {
  columns: { vi: 'Thiếu cột: cần số định danh, họ tên, ngày sinh, mã đơn vị cư trú.', en: 'Columns missing: personal ID, name, birth date and residence unit code are needed.' },
  personalId: { vi: 'Số định danh cá nhân phải gồm 12 chữ số.', en: 'The personal ID number must have 12 digits.' },
  name: { vi: 'Thiếu họ tên hoặc họ tên quá dài.', en: 'The name is missing or too long.' },
  birth: { vi: 'Ngày sinh không đúng (dạng 2020-03-14 hoặc 14/03/2020).', en: 'The birth date is not valid (as 2020-03-14 or 14/03/2020).' },
  unit: { vi: 'Mã đơn vị hành chính nơi cư trú không có trong danh mục.', en: 'The residence unit code is not in the list of units.' },
  age: { vi: 'Trẻ không đúng độ tuổi tuyển sinh của đợt này.', en: 'The child is not of the age this round admits.' },
  grade5: { vi: 'Trẻ chưa được ghi nhận hoàn thành chương trình lớp 5 (cột thứ sáu).', en: 'The child is not recorded as having finished grade 5 (sixth column).' },
  twice: { vi: 'Số định danh này đã có ở một dòng trước trong tệp.', en: 'This personal ID number is on an earlier line of the file.' },
  otherSchool: { vi: 'Trẻ đã được trường khác cấp mã trong đợt này.', en: 'Another school has issued the child a code in this round.' },
} satisfies Record<string, Text>;

function isoDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? (/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) && ['', ...s.split('/').reverse()]);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

const yes = (s: string | undefined): boolean => /^(1|x|có|co|yes|true)$/i.test(s ?? '');

export async function importCodes(
  platform: Platform,
  actor: Actor,
  input: { schoolCode: string; roundId: number; csv: string },
): Promise<{ lines: ImportLine[]; roundId: number }> {
  const { user, school } = await ownSchool(platform, actor, input.schoolCode);
  const db = admissionDb(platform.database.db);
  const { round } = await roundsOf(db, school, input.roundId);
  if (windowState(round, new Date()) === 'closed') throw CodeErrors.ROUND_CLOSED();
  const rows = parseCsv(input.csv, { delimiter: 'auto' }).map((r) => r.fields.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
  if (rows[0] && !/^\d/.test(rows[0][0] ?? '')) rows.shift(); // a header line
  if (rows.length === 0) throw CodeErrors.EMPTY_FILE();
  if (rows.length > MAX_LINES) throw CodeErrors.TOO_MANY();

  const lines: ImportLine[] = [];
  const accepted = new Map<string, { line: ImportLine; child: ChildInput }>();
  const units = new Map<string, boolean>();
  for (const [i, r] of rows.entries()) {
    const [pid = '', name = '', birth = '', unit = '', area = '', grade5] = r;
    const line: ImportLine = { line: i + 1, personalId: pid, fullName: name, outcome: 'refused' };
    lines.push(line);
    const birthDate = isoDate(birth);
    if (r.length < 4) line.reason = R.columns;
    else if (!PERSONAL_ID_PATTERN.test(pid)) line.reason = R.personalId;
    else if (name === '' || name.length > 100) line.reason = R.name;
    else if (!birthDate) line.reason = R.birth;
    else if (accepted.has(pid)) line.reason = R.twice;
    else {
      if (!units.has(unit)) units.set(unit, /^\d{5}$/.test(unit) && !!(await findUnit(platform.database.db, unit)));
      const ok = eligibility(round.level, round.startYear, { birthDate, finishedGrade5: yes(grade5) });
      if (!units.get(unit)) line.reason = R.unit;
      else if (!ok.ok) line.reason = ok.reason === 'grade5' ? R.grade5 : R.age;
      else accepted.set(pid, { line, child: { personalId: pid, fullName: name, birthDate, residenceUnit: unit, residenceArea: area, finishedGrade5: yes(grade5) } });
    }
  }
  if (accepted.size === 0) return { lines, roundId: round.id };

  // Codes issued before in this round: this school's are given back as they are; another school's child is refused.
  const before = await db
    .selectFrom('admission_enrolment_codes as e')
    .innerJoin('admission_children as c', 'c.id', 'e.child_id')
    .select(['c.personal_id as personalId', 'e.code', 'e.school_id as schoolId'])
    .where('e.round_id', '=', round.id)
    .where('c.personal_id', 'in', [...accepted.keys()])
    .execute();
  for (const b of before) {
    const a = accepted.get(b.personalId);
    if (!a) continue;
    accepted.delete(b.personalId);
    if (b.schoolId === school.id) Object.assign(a.line, { outcome: 'already', code: b.code });
    else a.line.reason = R.otherSchool;
  }
  if (accepted.size > 0) {
    const issued = await issueEnrolmentCodes(platform, user, { roundId: round.id, schoolCode: school.code, children: [...accepted.values()].map((a) => a.child) });
    for (const c of issued) {
      const a = accepted.get(c.personalId);
      if (a) Object.assign(a.line, { outcome: 'issued', code: c.code });
    }
  }
  return { lines, roundId: round.id };
}

export { SchoolErrors };
