// The workflow's actions on a seeded dossier, each changing the columns as the engine's effect does
// (workflow/effects.ts) and writing its history row. Each schedules itself at an office minute and returns it.
import { type Deadline, endOfVietnamDay } from '../../../platform/calendar/index.ts';
import { Role } from '../../../platform/auth/roles.ts';
import type { SeedAgency } from './context.ts';
import type { ConsultationRow, Status, SupplementRow } from './rows.ts';
import type { Story } from './story.ts';

export const TEXT = {
  refuse: [
    'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.',
    'Người yêu cầu không đủ điều kiện thực hiện thủ tục theo quy định.',
    'Yêu cầu đã được giải quyết trước đó; đề nghị không nộp trùng hồ sơ.',
  ],
  items: [
    'Bản sao Căn cước của người yêu cầu',
    'Giấy tờ chứng minh chỗ ở hợp pháp',
    'Tờ khai ký chưa đúng người có thẩm quyền, đề nghị ký lại',
    'Bản chính giấy tờ để đối chiếu',
    'Văn bản ủy quyền có chứng thực',
    'Trích đo bản đồ địa chính thửa đất',
    'Văn bản thỏa thuận của các đồng sở hữu',
  ],
  reject: ['Không đủ điều kiện giải quyết theo quy định của pháp luật.', 'Kết quả xác minh không phù hợp với nội dung đề nghị.'],
  apology: 'Hồ sơ cần xác minh thêm với cơ quan liên quan. Cơ quan xin lỗi ông/bà và hẹn lại ngày trả kết quả.',
  consult: ['Đề nghị cho ý kiến về hồ sơ trước khi trình phê duyệt.', 'Đề nghị xác định nghĩa vụ tài chính về đất đai của người sử dụng đất.'],
  reply: ['Thống nhất với đề xuất của cơ quan chủ trì.', 'Đã xác định nghĩa vụ tài chính, gửi kèm thông báo.', 'Có ý kiến bổ sung, đề nghị cơ quan chủ trì xem xét.'],
};

function receiving(s: Story) {
  return { id: s.base.agency.id, by: s.officer(s.base.agency.id, Role.oneStopOfficer) };
}

function handling(s: Story, role: typeof Role.specialist | typeof Role.leader = Role.specialist) {
  return { id: s.base.handlingId, by: s.officer(s.base.handlingId, role) };
}

export function received(s: Story, om: number): number {
  return s.at(om, () => {
    const online = s.base.channel === 'online';
    const by = online ? { name: s.base.applicant.name, ...(s.base.applicantAccountId === undefined ? {} : { id: s.base.applicantAccountId }) } : receiving(s).by;
    s.event(s.row.received_at, 'received', 'received', by, s.base.agency.id, { note: { channel: s.base.channel, via: online ? 'web' : 'counter' } });
  });
}

export function refuse(s: Story, om: number): number {
  const comment = s.base.rng.pick(TEXT.refuse);
  return s.at(om, (at) => {
    const r = receiving(s);
    s.row.finished_at = at;
    s.event(at, 'refuse', 'refused', r.by, r.id, { note: { via: 'web', form: '03' }, comment });
  });
}

export function askSupplement(s: Story, om: number, stage: 'receipt' | 'appraisal'): { om: number; row: SupplementRow } {
  const items = s.base.rng.sample(TEXT.items, s.base.rng.int(1, 3)).map((text) => ({ doc_key: null, text }));
  const row: SupplementRow = { stage, items, reason: 'Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định.', requested_at: new Date(0) };
  const at = s.at(om, (when) => {
    const who = stage === 'receipt' ? receiving(s) : handling(s);
    row.requested_at = when;
    if (who.by.id !== undefined) row.requested_by = who.by.id;
    s.supplements.push(row);
    s.row.paused_at = when;
    s.event(when, `request_supplement_${stage}`, 'supplement', who.by, who.id, { note: { via: 'web', form: '02', stage, items: items.length } });
  });
  return { om: at, row };
}

/** The complete dossier is back: the clock restarts from zero (Decree 61/2018; DOMAIN §4) with a new due date. */
export function completeSupplement(s: Story, om: number, supplement: SupplementRow, back: Status, due: Deadline): number {
  return s.at(om, (at) => {
    supplement.completed_at = at;
    delete s.row.paused_at;
    s.row.clock_started_at = at;
    Object.assign(s.row, s.dueColumns(due));
    const online = s.base.channel === 'online';
    const r = receiving(s);
    s.event(at, online ? 'complete_supplement' : 'complete_supplement_counter', back, online ? { name: s.base.applicant.name } : r.by, r.id, {
      note: { via: 'web', stage: supplement.stage, due_date: due.dueDate },
    });
  });
}

export function accept(s: Story, om: number): number {
  return s.at(om, (at) => {
    const r = receiving(s);
    s.row.handling_agency_id = s.base.handlingId;
    s.event(at, 'accept', 'processing', r.by, r.id, { note: { via: 'web', form: '01', handling_agency_id: s.base.handlingId } });
    // Agencies with real staff get their dossiers assigned to one of their specialists, as a leader would.
    const specialist = s.officer(s.base.handlingId, Role.specialist);
    if (specialist.id === undefined) return;
    s.row.assignee_id = specialist.id;
    const leader = handling(s, Role.leader);
    s.event(new Date(at.getTime() + 60_000), 'assign', 'processing', leader.by, leader.id, { note: { via: 'web', assignee_id: specialist.id } });
  });
}

export function consult(s: Story, om: number, agencies: SeedAgency[], dueAt: Date): { om: number; rows: ConsultationRow[] } {
  const question = s.base.rng.pick(TEXT.consult);
  const rows: ConsultationRow[] = agencies.map((a) => ({ agency_id: a.id, question, requested_at: new Date(0), due_at: dueAt }));
  const at = s.at(om, (when) => {
    const h = handling(s);
    for (const row of rows) {
      row.requested_at = when;
      if (h.by.id !== undefined) row.requested_by = h.by.id;
      s.consultations.push(row);
    }
    s.event(when, 'consult', 'consulting', h.by, h.id, { note: { via: 'web', agencies: agencies.map((a) => a.code) }, comment: question });
  });
  return { om: at, rows };
}

export function reply(s: Story, om: number, row: ConsultationRow, open: number): number {
  const text = s.base.rng.pick(TEXT.reply);
  return s.at(om, (at) => {
    const by = s.officer(row.agency_id, Role.specialist);
    row.replied_at = at;
    row.reply = text;
    if (by.id !== undefined) row.replied_by = by.id;
    // The lead agency takes the dossier back once every consulted agency has answered.
    s.event(at, 'reply_consultation', open === 0 ? 'processing' : 'consulting', by, row.agency_id, { note: { via: 'web', open }, comment: text });
  });
}

export function submit(s: Story, om: number): number {
  return s.at(om, (at) => {
    const h = handling(s);
    s.event(at, 'submit_for_approval', 'approval', h.by, h.id, { note: { via: 'web' } });
  });
}

export function approve(s: Story, om: number): number {
  return s.at(om, (at) => {
    const h = handling(s, Role.leader);
    s.row.decision = 'approved';
    s.row.decided_at = at;
    s.event(at, 'approve', 'approved', h.by, h.id, { note: { via: 'web' } });
  });
}

export function reject(s: Story, om: number): number {
  const comment = s.base.rng.pick(TEXT.reject);
  return s.at(om, (at) => {
    const h = handling(s, Role.leader);
    s.row.decision = 'rejected';
    s.row.decided_at = at;
    s.resolve(at);
    s.event(at, 'reject', 'result_ready', h.by, h.id, { note: { via: 'web' }, comment });
  });
}

export function recordResult(s: Story, om: number): number {
  return s.at(om, (at) => {
    const h = handling(s);
    s.resolve(at);
    s.event(at, 'record_result', 'result_ready', h.by, h.id, { note: { via: 'web', outcome: s.row.outcome } });
  });
}

export function returnResult(s: Story, om: number, method: 'counter' | 'post' | 'online'): number {
  return s.at(om, (at) => {
    const r = receiving(s);
    s.row.return_method = method;
    s.row.finished_at = at;
    s.event(at, 'return_result', 'returned', r.by, r.id, { note: { via: 'web', return_method: method } });
  });
}

/** Form 04: the return date is reset once, at least one working day before it (checkApology in rules.ts). */
export function apologize(s: Story, om: number, newDueDate: string): number {
  return s.at(om, (at) => {
    const h = handling(s, Role.leader);
    const before = s.row.due_date;
    s.row.original_due_at = s.row.due_at;
    s.row.apologized_at = at;
    s.row.due_at = endOfVietnamDay(newDueDate);
    s.row.due_date = newDueDate;
    s.event(at, 'apologize', s.row.status, h.by, h.id, { note: { via: 'web', form: '04', original_due_date: before, new_due_date: newDueDate }, comment: TEXT.apology });
  });
}
