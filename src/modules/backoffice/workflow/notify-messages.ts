// What the applicant is told at each legal event (DOMAIN §4, §9; the forms of Circular 01/2018/TT-VPCP): an e-mail,
// Vietnamese then English like the receipt mail (messages.ts receiptMail), and a short unaccented SMS in Vietnamese.

/** The legal events of one dossier the applicant hears of, and the answer to their feedback. */
export type ApplicantEventKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'early_result' | 'result' | 'rejected' | 'returned' | 'feedback_answer';

/** The facts a message may use, already formatted: dates as people read them in each language. */
export interface NoticeFacts {
  name: string;
  code: string;
  procedure: string;
  agency: string;
  due: { vi: string; en: string } | null;
  newDue: { vi: string; en: string } | null;
  items: string[];
  reason: string | null;
  /** An officer's answer to the applicant's feedback. */
  answer: string | null;
  url: string;
}

export interface NoticeText {
  subject: string;
  /** Lines of the Vietnamese and the English part; null lines are left out. */
  vi: (string | null)[];
  en: (string | null)[];
  /** The SMS: its fixed part, then the reason and the link if they fit (notify.ts fits them). */
  sms: { core: string; reason: string | null; url: string | null };
}

const procedureLines = (f: NoticeFacts) => ({
  vi: [`Thủ tục: ${f.procedure}`, f.agency ? `Cơ quan giải quyết: ${f.agency}` : null],
  en: [`Procedure: ${f.procedure}`, f.agency ? `Handling agency: ${f.agency}` : null],
});

const reasonLine = (f: NoticeFacts) => ({ vi: f.reason ? `Lý do: ${f.reason}` : null, en: f.reason ? `Reason: ${f.reason}` : null });

const dueLine = (f: NoticeFacts) => ({
  vi: f.due ? `Ngày hẹn trả kết quả: ${f.due.vi}` : 'Ngày hẹn trả kết quả: theo thông báo của cơ quan giải quyết',
  en: f.due ? `Results due: ${f.due.en}` : 'Results due: as the handling agency will announce',
});

export const applicantNotices: Record<ApplicantEventKind, (f: NoticeFacts) => NoticeText> = {
  // Form 01: receipt and appointment to return the result.
  receipt: (f) => ({
    subject: `Tiếp nhận hồ sơ ${f.code} / Dossier ${f.code} accepted`,
    vi: [`Hồ sơ ${f.code} của Ông/Bà đã được tiếp nhận để giải quyết (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01).`, ...procedureLines(f).vi, dueLine(f).vi, `Theo dõi hồ sơ: ${f.url}`],
    en: [`Your dossier ${f.code} was accepted for processing (receipt and appointment, Form 01).`, ...procedureLines(f).en, dueLine(f).en, `Follow it: ${f.url}`],
    sms: { core: `Ho so ${f.code} da duoc tiep nhan.${f.due ? ` Hen tra ket qua: ${f.due.vi}.` : ''}`, reason: null, url: f.url },
  }),
  // Form 02: everything missing, listed at once; the clock restarts when the complete dossier comes back.
  supplement: (f) => ({
    subject: `Yêu cầu bổ sung hồ sơ ${f.code} / Dossier ${f.code}: documents to add`,
    vi: [
      `Hồ sơ ${f.code} chưa đầy đủ. ${f.agency || 'Cơ quan giải quyết'} đề nghị Ông/Bà bổ sung, hoàn thiện các nội dung sau (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, Mẫu 02):`,
      ...f.items.map((i) => `- ${i}`),
      reasonLine(f).vi,
      'Thời hạn giải quyết được tính lại từ đầu khi cơ quan nhận đủ hồ sơ.',
      `Bổ sung hồ sơ: ${f.url}`,
    ],
    en: [
      `Your dossier ${f.code} is incomplete. ${f.agency || 'The handling agency'} asks you to add or correct the following (request to supplement, Form 02):`,
      ...f.items.map((i) => `- ${i}`),
      reasonLine(f).en,
      'The processing time starts again when the complete dossier is received.',
      `Add the documents: ${f.url}`,
    ],
    sms: { core: `Ho so ${f.code} chua day du, can bo sung${f.items.length ? ` ${f.items.length} noi dung` : ''} (chi tiet trong email).`, reason: null, url: f.url },
  }),
  // Form 03: refusal to receive.
  refusal: (f) => ({
    subject: `Từ chối tiếp nhận hồ sơ ${f.code} / Dossier ${f.code} not accepted`,
    vi: [`Hồ sơ ${f.code} không được tiếp nhận giải quyết (Phiếu từ chối tiếp nhận giải quyết hồ sơ, Mẫu 03).`, ...procedureLines(f).vi, reasonLine(f).vi, `Chi tiết: ${f.url}`],
    en: [`Your dossier ${f.code} was not accepted for processing (refusal, Form 03).`, ...procedureLines(f).en, reasonLine(f).en, `Details: ${f.url}`],
    sms: { core: `Ho so ${f.code} khong duoc tiep nhan.`, reason: f.reason, url: f.url },
  }),
  // Form 04: apology and the new return date (the date is reset only once).
  apology: (f) => ({
    subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${f.code} / Dossier ${f.code}: apology and new return date`,
    vi: [
      `${f.agency || 'Cơ quan giải quyết'} chân thành xin lỗi Ông/Bà vì hồ sơ ${f.code} chưa được giải quyết đúng hạn (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04).`,
      `Thủ tục: ${f.procedure}`,
      f.due ? `Ngày hẹn cũ: ${f.due.vi}` : null,
      `Ngày hẹn trả kết quả mới: ${f.newDue?.vi ?? ''}`,
      reasonLine(f).vi,
      `Theo dõi hồ sơ: ${f.url}`,
    ],
    en: [
      `${f.agency || 'The handling agency'} apologises: your dossier ${f.code} could not be resolved on time (apology and new return date, Form 04).`,
      `Procedure: ${f.procedure}`,
      f.due ? `Former date: ${f.due.en}` : null,
      `New return date: ${f.newDue?.en ?? ''}`,
      reasonLine(f).en,
      `Follow it: ${f.url}`,
    ],
    sms: { core: `Xin loi Ong/Ba: ho so ${f.code} cham giai quyet. Ngay hen tra moi: ${f.newDue?.vi ?? ''}.`, reason: f.reason, url: null },
  }),
  early_result: (f) => ({
    subject: `Hồ sơ ${f.code} đã có kết quả trước hạn / Dossier ${f.code}: result ready early`,
    vi: [`Hồ sơ ${f.code} đã có kết quả${f.due ? `, sớm hơn ngày hẹn ${f.due.vi}` : ''}. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.`, ...procedureLines(f).vi, `Xem hồ sơ: ${f.url}`],
    en: [`The result of your dossier ${f.code} is ready${f.due ? `, ahead of the date due, ${f.due.en}` : ''}. Please collect it as you chose.`, ...procedureLines(f).en, `See it: ${f.url}`],
    sms: { core: `Ho so ${f.code} da co ket qua${f.due ? ` truoc ngay hen ${f.due.vi}` : ''}. Moi Ong/Ba nhan ket qua.`, reason: null, url: f.url },
  }),
  result: (f) => ({
    subject: `Hồ sơ ${f.code} đã có kết quả / Dossier ${f.code}: result ready`,
    vi: [`Hồ sơ ${f.code} đã có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.`, ...procedureLines(f).vi, `Xem hồ sơ: ${f.url}`],
    en: [`The result of your dossier ${f.code} is ready. Please collect it as you chose.`, ...procedureLines(f).en, `See it: ${f.url}`],
    sms: { core: `Ho so ${f.code} da co ket qua. Moi Ong/Ba nhan ket qua.`, reason: null, url: f.url },
  }),
  // A decision not to grant: the applicant is told why, in writing.
  rejected: (f) => ({
    subject: `Hồ sơ ${f.code} không được giải quyết / Dossier ${f.code}: not granted`,
    vi: [`Hồ sơ ${f.code} đã được xem xét và không được giải quyết. Văn bản trả lời được trả theo hình thức Ông/Bà đã đăng ký.`, ...procedureLines(f).vi, reasonLine(f).vi, `Xem hồ sơ: ${f.url}`],
    en: [`Your dossier ${f.code} was examined and not granted. The written answer is returned as you chose.`, ...procedureLines(f).en, reasonLine(f).en, `See it: ${f.url}`],
    sms: { core: `Ho so ${f.code} khong duoc giai quyet.`, reason: f.reason, url: f.url },
  }),
  returned: (f) => ({
    subject: `Đã trả kết quả hồ sơ ${f.code} / Dossier ${f.code}: result returned`,
    vi: [`Kết quả hồ sơ ${f.code} đã được trả cho Ông/Bà. Cảm ơn Ông/Bà đã sử dụng dịch vụ công.`, `Thủ tục: ${f.procedure}`, `Mời Ông/Bà đánh giá mức độ hài lòng: ${f.url}`],
    en: [`The result of your dossier ${f.code} has been returned to you. Thank you for using the public service.`, `Procedure: ${f.procedure}`, `Please tell us how satisfied you are: ${f.url}`],
    sms: { core: `Ho so ${f.code} da tra ket qua. Moi Ong/Ba danh gia muc do hai long.`, reason: null, url: f.url },
  }),
  // Feedback (phản ánh, kiến nghị) on the dossier, answered by the receiving or handling agency.
  feedback_answer: (f) => ({
    subject: `Trả lời phản ánh về hồ sơ ${f.code} / Dossier ${f.code}: answer to your feedback`,
    vi: [`${f.agency || 'Cơ quan giải quyết'} đã trả lời phản ánh, kiến nghị của Ông/Bà về hồ sơ ${f.code}:`, f.answer, `Thủ tục: ${f.procedure}`, `Xem hồ sơ: ${f.url}`],
    en: [`${f.agency || 'The agency'} has answered your feedback on dossier ${f.code} (the answer is in Vietnamese above).`, `Procedure: ${f.procedure}`, `See it: ${f.url}`],
    sms: { core: `Ho so ${f.code}: co quan da tra loi phan anh cua Ong/Ba (chi tiet trong email va tren trang ho so).`, reason: null, url: f.url },
  }),
};

/** Vietnamese first, then English, like the receipt mail. */
export function noticeMailBody(name: string, t: NoticeText): string {
  const part = (greeting: string, lines: (string | null)[]) => [greeting, '', ...lines.filter((l): l is string => l !== null)];
  return [...part(`Kính gửi ${name},`, t.vi), '', '---', '', ...part(`Dear ${name},`, t.en)].join('\n');
}

/**
 * The SMS in one segment when it can be (160 GSM characters; `smsText` folds the accents): the fixed part, the reason,
 * then the link; the link goes first when it does not fit, then the reason is shortened.
 */
export function fitSms(sms: NoticeText['sms'], fold: (s: string) => string, max = 160): string {
  const core = fold(sms.core);
  const folded = sms.reason ? fold(sms.reason) : '';
  const reason = folded ? ` Ly do: ${folded}${/[.!?]$/.test(folded) ? '' : '.'}` : '';
  const url = sms.url ? ` Xem: ${sms.url}` : '';
  if (core.length + reason.length + url.length <= max) return core + reason + url;
  if (core.length + reason.length <= max) return core + reason;
  if (!reason) return core;
  const room = max - core.length - 3;
  return room > ' Ly do: '.length + 10 ? `${core}${reason.slice(0, room).trimEnd()}...` : core;
}

/** One dossier in a deadline warning to the agency's staff, dates already formatted. */
export interface DeadlineLine {
  code: string;
  procedureCode: string;
  due: { vi: string; en: string };
  /** The last day to send the apology (Form 04); null when the date was already reset once. */
  apologyBy: { vi: string; en: string } | null;
  url: string;
}

const digest = (greeting: string, intro: string, lines: string[], outro: string): string[] => [greeting, '', intro, ...lines, '', outro];

/** To the handling agency's specialists and leaders: dossiers whose due date is the next working day or today. */
export function dueSoonMail(v: { name: string; agency: string; dossiers: DeadlineLine[] }): { subject: string; text: string } {
  const n = v.dossiers.length;
  const vi = digest(
    `Kính gửi ${v.name},`,
    `${n} hồ sơ do ${v.agency} giải quyết sắp đến hạn trả kết quả:`,
    v.dossiers.map(
      (d) => `- ${d.code} (thủ tục ${d.procedureCode}): hẹn trả ${d.due.vi}; ${d.apologyBy ? `gửi Phiếu xin lỗi (Mẫu 04) chậm nhất ngày ${d.apologyBy.vi}` : 'đã hẹn lại một lần, không được hẹn lại nữa'}. ${d.url}`,
    ),
    'Hồ sơ không thể trả kết quả đúng hạn thì cơ quan giải quyết phải gửi người nộp Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) chậm nhất 01 ngày làm việc trước ngày hẹn trả; ngày hẹn chỉ được điều chỉnh một lần.',
  );
  const en = digest(
    `Dear ${v.name},`,
    `${n} dossier(s) handled by ${v.agency} are due soon:`,
    v.dossiers.map(
      (d) => `- ${d.code} (procedure ${d.procedureCode}): due ${d.due.en}; ${d.apologyBy ? `apology (Form 04) by ${d.apologyBy.en} at the latest` : 'the date was already reset once and cannot be reset again'}. ${d.url}`,
    ),
    'If a dossier cannot be resolved on time, the handling agency must send the applicant an apology with a new return date (Form 04) at least 1 working day before the due date; the date may be reset only once.',
  );
  return { subject: `Hồ sơ sắp đến hạn: ${n} / Dossiers due soon: ${n}`, text: [...vi, '', '---', '', ...en].join('\n') };
}

/** To the handling agency's leaders: dossiers past their due date. */
export function overdueMail(v: { name: string; agency: string; dossiers: DeadlineLine[] }): { subject: string; text: string } {
  const n = v.dossiers.length;
  const vi = digest(
    `Kính gửi ${v.name},`,
    `${n} hồ sơ do ${v.agency} giải quyết đã quá hạn trả kết quả:`,
    v.dossiers.map((d) => `- ${d.code} (thủ tục ${d.procedureCode}): hẹn trả ${d.due.vi}. ${d.url}`),
    'Đề nghị chỉ đạo giải quyết ngay và thông báo cho người nộp hồ sơ.',
  );
  const en = digest(
    `Dear ${v.name},`,
    `${n} dossier(s) handled by ${v.agency} are past their due date:`,
    v.dossiers.map((d) => `- ${d.code} (procedure ${d.procedureCode}): due ${d.due.en}. ${d.url}`),
    'Please see that they are resolved at once and that the applicants are told.',
  );
  return { subject: `Hồ sơ quá hạn: ${n} / Overdue dossiers: ${n}`, text: [...vi, '', '---', '', ...en].join('\n') };
}
