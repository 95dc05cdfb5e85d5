// The dossier's process history told to its applicant: each step in plain words, the agency that took it, and only the
// comments the applicant must see (the reasons of a request to supplement, a refusal, a rejection or an apology:
// Decree 61/2018 Art. 16–19 require them in writing), never officers' internal notes.
import type { Text } from '../../../platform/web/i18n.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { eventKinds, INTERNAL_EVENT_KINDS } from '../../dossiers/index.ts';
import type { Effect } from '../workflow/definition.ts';
import type { CaseView } from '../workflow/view.ts';

const effectLabels: Record<Effect, Text> = {
  accept: { vi: 'Hồ sơ được tiếp nhận và hẹn ngày trả kết quả', en: 'Dossier accepted, return date given' },
  request_supplement: { vi: 'Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'The agency asked for a supplement' },
  complete_supplement: { vi: 'Hồ sơ bổ sung đã được nộp', en: 'Supplement sent' },
  refuse: { vi: 'Hồ sơ bị từ chối tiếp nhận', en: 'Dossier refused' },
  assign: { vi: 'Hồ sơ được giao cho cán bộ xử lý', en: 'Dossier assigned to an officer' },
  consult: { vi: 'Cơ quan giải quyết lấy ý kiến cơ quan liên quan', en: 'Other agencies consulted' },
  reply_consultation: { vi: 'Cơ quan liên quan đã cho ý kiến', en: 'A consulted agency replied' },
  submit_for_approval: { vi: 'Hồ sơ được trình lãnh đạo phê duyệt', en: 'Submitted to the leader for approval' },
  send_back: { vi: 'Hồ sơ được chuyển lại để thẩm định thêm', en: 'Sent back for further appraisal' },
  approve: { vi: 'Lãnh đạo đã phê duyệt', en: 'Approved by the leader' },
  reject: { vi: 'Hồ sơ không được giải quyết', en: 'The request was not granted' },
  record_result: { vi: 'Đã có kết quả giải quyết', en: 'Result ready' },
  return_result: { vi: 'Đã trả kết quả', en: 'Result returned' },
  apologize: { vi: 'Cơ quan xin lỗi và hẹn lại ngày trả kết quả', en: 'The agency apologised and set a new date' },
};

/** The effects whose comment is a reason the applicant is owed. */
const REASONED: ReadonlySet<Effect> = new Set<Effect>(['request_supplement', 'refuse', 'reject', 'apologize']);

export interface CitizenEntry {
  at: Date;
  label: Text;
  agency: string | null;
  comment: { kind: 'reason' | 'note'; text: string } | null;
}

function effectOf(view: CaseView, kind: string): Effect | undefined {
  return view.workflow.actions.find((a) => a.key === kind)?.effect;
}

/** The comment of a history entry the applicant may read: a reason owed to them, or their own note. */
export function citizenComment(view: CaseView, h: CaseView['history'][number], applicantId: number | null): CitizenEntry['comment'] {
  if (!h.comment) return null;
  const effect = effectOf(view, h.kind);
  if (effect && REASONED.has(effect)) return { kind: 'reason', text: h.comment };
  if (applicantId !== null && h.actorId === applicantId) return { kind: 'note', text: h.comment };
  return null;
}

export function citizenTimeline(view: CaseView): CitizenEntry[] {
  const applicantId = view.case.applicantAccountId;
  return view.history.filter((h) => !INTERNAL_EVENT_KINDS.has(h.kind)).map((h) => {
    const effect = effectOf(view, h.kind);
    const label = effect ? effectLabels[effect] : (eventKinds[h.kind] ?? { vi: h.kind, en: h.kind });
    return {
      at: h.at,
      label,
      agency: h.agencyId ? (view.agencies.get(h.agencyId)?.name ?? null) : null,
      comment: citizenComment(view, h, applicantId),
    };
  });
}

const stepTexts: Record<string, Text> = {
  received: { vi: 'Bộ phận Một cửa đang kiểm tra hồ sơ để tiếp nhận.', en: 'The one-stop desk is checking the dossier before accepting it.' },
  supplement: {
    vi: 'Cơ quan đề nghị bạn bổ sung, hoàn thiện hồ sơ (xem bên dưới). Thời hạn giải quyết tạm dừng cho đến khi bạn nộp bổ sung.',
    en: 'The agency asks you to supplement the dossier (see below). The time limit is paused until you do.',
  },
  refused: { vi: 'Hồ sơ không được tiếp nhận; lý do nêu trong quá trình xử lý.', en: 'The dossier was refused; the reason is in the timeline.' },
  processing: { vi: 'Hồ sơ đang được {agency} thẩm định.', en: '{agency} is appraising the dossier.' },
  consulting: { vi: '{agency} đang lấy ý kiến của các cơ quan liên quan.', en: '{agency} is consulting other agencies.' },
  approval: { vi: 'Hồ sơ đang chờ lãnh đạo {agency} phê duyệt.', en: 'The dossier awaits the approval of the leader of {agency}.' },
  approved: { vi: 'Hồ sơ đã được phê duyệt; {agency} đang ban hành kết quả.', en: 'Approved; {agency} is issuing the result.' },
  result_ready: { vi: 'Đã có kết quả; bạn nhận kết quả theo hình thức đã đăng ký.', en: 'The result is ready; you receive it the way you chose.' },
  returned: { vi: 'Đã trả kết quả; hồ sơ đã hoàn thành.', en: 'The result was returned; the dossier is complete.' },
};

/** Where the dossier is, in a sentence; a workflow's own states fall back to their label. */
export function stepText(view: CaseView): Text {
  const c = view.case;
  const agency = view.agencies.get(c.handlingAgencyId ?? c.agencyId)?.name ?? '';
  const s = stepTexts[c.status] ?? view.state?.label ?? { vi: c.status, en: c.status };
  return { vi: s.vi.replaceAll('{agency}', agency), en: s.en.replaceAll('{agency}', agency) };
}

/** After an apology (Form 04): the first due date and the reason given. */
export function apologyOf(view: CaseView): { originalDueDate: string | null; reason: string | null } | null {
  if (!view.case.apologizedAt) return null;
  const entry = [...view.history].reverse().find((h) => effectOf(view, h.kind) === 'apologize');
  return { originalDueDate: view.case.originalDueAt ? vietnamDateOf(view.case.originalDueAt) : null, reason: entry?.comment ?? null };
}

/** The open request to supplement, and the key of the applicant's action that completes it (if they may take it). */
export function openSupplement(view: CaseView): { supplement: CaseView['supplements'][number]; action: string | null } | null {
  const supplement = view.supplements.find((s) => !s.completedAt);
  if (!supplement) return null;
  const action = view.actions.find((a) => a.effect === 'complete_supplement' && a.scope === 'applicant')?.key ?? null;
  return { supplement, action };
}
