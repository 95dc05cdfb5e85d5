// The applicants list as CSV (issue 11: schools "see … their applicants"; the office exports lists): UTF-8 with a BOM
// so that spreadsheet programs read Vietnamese, one applicant a line, the columns of the page.
import type { Lang } from '../../platform/web/i18n.ts';
import type { ApplicantList } from './school.ts';
import type { ApplicationStatus } from './tables.ts';

export const STATUSES_FOR_FILTER: readonly ApplicationStatus[] = ['active', 'admitted', 'confirmed', 'not_admitted', 'withdrawn'];

const cell = (v: string): string => {
  // A cell that starts like a formula is quoted with a leading apostrophe (CSV injection).
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function applicantsCsv(lang: Lang, list: ApplicantList, statusLabel: (s: ApplicationStatus) => string): Buffer {
  const head =
    lang === 'en'
      ? ['Application number', "Child's name", 'Birth date', 'In catchment', 'Priority group', 'Status', 'Submitted']
      : ['Số hồ sơ', 'Họ tên trẻ', 'Ngày sinh', 'Đúng tuyến', 'Nhóm ưu tiên', 'Trạng thái', 'Thời điểm nộp'];
  const rows = list.applicants.map((a) => [
    a.applicationNo,
    a.childName,
    a.birthDate,
    a.inCatchment ? (lang === 'en' ? 'yes' : 'có') : lang === 'en' ? 'no' : 'không',
    a.inCatchment ? '' : String(a.priorityGroup),
    statusLabel(a.status),
    a.submittedAt.toISOString(),
  ]);
  return Buffer.from(`\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
