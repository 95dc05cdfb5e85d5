// Staff roles (DOMAIN §1). A staff account belongs to one agency and holds one or more roles.
export const Role = {
  oneStopOfficer: 'one_stop_officer',
  specialist: 'specialist',
  leader: 'leader',
  registryClerk: 'registry_clerk',
  editor: 'editor',
  moderator: 'moderator',
  admin: 'admin',
  /** Submits dossiers on another person's behalf (counter intake, integrators) for the agencies it serves (issue 10). */
  intake: 'intake',
  /** A school's admissions officer: sees and confirms the applicants of their schools (issue 11). */
  schoolAdmissions: 'school_admissions',
  /** The education office: admission rounds, catchments, codes, live counts and results for every school (issue 11). */
  educationOffice: 'education_office',
  /** A unit's IT officer: fills and submits its own unit's IT readiness form (issue 14). */
  readinessReporter: 'readiness_reporter',
  /** The city's office for IT readiness: opens cycles, reviews, asks questions, reopens a late form, publishes. */
  readinessReviewer: 'readiness_reviewer',
  /** A member of the appraisal council: adjusts an indicator's score, with a reason. */
  readinessCouncil: 'readiness_council',
  /** The city's IT-training office: courses, classes, trainees, exams and certificates of IU01–IU15 (issue 14). */
  trainingManager: 'training_manager',
  /** A school's IT officer: enters the school's IT equipment, which the education office checks (issue 14). */
  schoolIt: 'school_it',
  /** The transport centre's staff: transit accounts, media, concessions and disputes (issue 15). */
  transitOfficer: 'transit_officer',
  /** An operator's clearing staff: debt recovery and the deny list of bank cards (issue 15). */
  transitOperator: 'transit_operator',
  /** The driving-licence registry's officer: looks licences up, imports them, records deductions and tests (issue 16). */
  licenceOfficer: 'licence_officer',
  /** The traffic-signal centre's engineer: intersections, timing plans, sending them, the monitoring wall (issue 16). */
  signalEngineer: 'signal_engineer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  one_stop_officer: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  registry_clerk: { vi: 'Văn thư', en: 'Registry clerk' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  moderator: { vi: 'Kiểm duyệt viên', en: 'Moderator' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  intake: { vi: 'Tiếp nhận thay', en: 'Submits on behalf' },
  school_admissions: { vi: 'Cán bộ tuyển sinh của trường', en: 'School admissions officer' },
  education_office: { vi: 'Cán bộ tuyển sinh của cơ quan giáo dục', en: 'Education office (admissions)' },
  readiness_reporter: { vi: 'Cán bộ CNTT báo cáo tự đánh giá mức độ chuyển đổi số', en: 'IT readiness reporter (unit)' },
  readiness_reviewer: { vi: 'Cán bộ thẩm định mức độ chuyển đổi số', en: 'IT readiness reviewer (city office)' },
  readiness_council: { vi: 'Thành viên Hội đồng thẩm định chuyển đổi số', en: 'IT readiness appraisal council member' },
  training_manager: { vi: 'Cán bộ quản lý bồi dưỡng kỹ năng CNTT', en: 'IT training manager' },
  school_it: { vi: 'Cán bộ phụ trách thiết bị CNTT của trường', en: 'School IT equipment officer' },
  transit_officer: { vi: 'Cán bộ trung tâm quản lý vé giao thông công cộng', en: 'Transit centre officer (tickets)' },
  transit_operator: { vi: 'Cán bộ đối soát của đơn vị vận tải', en: 'Transit operator clearing staff' },
  licence_officer: { vi: 'Cán bộ quản lý giấy phép lái xe', en: 'Driving-licence officer' },
  signal_engineer: { vi: 'Kỹ sư trung tâm điều khiển đèn tín hiệu giao thông', en: 'Traffic-signal engineer' },
};

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

export type AccountKind = 'citizen' | 'staff';

/** What a session knows of its user; refreshed whenever the account's roles or agency change. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  kind: AccountKind;
  roles: Role[];
  agencyId: number | null;
  agencyName: string | null;
  /** Set on a citizen with no proven phone number or e-mail address: signed in, but may not submit yet (issue 9). */
  unverified?: true;
  /** Set on staff whose two-step verification is in force; staff with a role of EGOV_2FA_ROLES and without it may
   *  only set it up (platform/auth/two-step.ts). */
  twoStep?: true;
}
