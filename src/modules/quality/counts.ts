// The counts the indices are computed from, each with its name in both languages and where it comes from in the
// figures. Definitions (definitions.ts) name counts by key only, so that a change of the law is a change of data.
import type { Text } from '../../platform/web/i18n.ts';
import type { Figures } from './figures.ts';

interface CountSpec {
  label: Text;
  of: (f: Figures) => number;
}

export const COUNTS = {
  received: { label: { vi: 'hồ sơ tiếp nhận', en: 'dossiers received' }, of: (f) => f.received },
  online: { label: { vi: 'hồ sơ nộp trực tuyến', en: 'dossiers submitted online' }, of: (f) => f.online },
  withFees: { label: { vi: 'hồ sơ có phí, lệ phí', en: 'dossiers with fees' }, of: (f) => f.withFees },
  paidOnline: { label: { vi: 'hồ sơ thanh toán trực tuyến (VietQR, cổng thanh toán)', en: 'dossiers paid online (VietQR, gateway)' }, of: (f) => f.paidOnline },
  digitised: { label: { vi: 'hồ sơ điện tử (trực tuyến hoặc đã quét)', en: 'electronic dossiers (online or scanned)' }, of: (f) => f.digitised },
  notSupplemented: { label: { vi: 'không phải bổ sung', en: 'no supplement asked' }, of: (f) => f.received - f.supplemented },
  supplementedOnce: { label: { vi: 'bổ sung 1 lần', en: 'one supplement asked' }, of: (f) => f.supplemented - f.supplementedTwice },
  supplementedTwice: { label: { vi: 'bổ sung 2 lần', en: 'two supplements asked' }, of: (f) => f.supplementedTwice },
  oneAgency: { label: { vi: 'chỉ liên hệ nơi tiếp nhận', en: 'only the receiving agency contacted' }, of: (f) => f.received - f.otherAgency },
  twoAgencies: { label: { vi: 'liên hệ thêm cơ quan giải quyết', en: 'the handling agency contacted too' }, of: (f) => f.otherAgency },
  resolved: { label: { vi: 'hồ sơ đã giải quyết', en: 'dossiers resolved' }, of: (f) => f.resolved.total },
  early: { label: { vi: 'trước hạn', en: 'early' }, of: (f) => f.resolved.early },
  onTime: { label: { vi: 'đúng hạn', en: 'on time' }, of: (f) => f.resolved.onTime },
  late: { label: { vi: 'quá hạn', en: 'late' }, of: (f) => f.resolved.late },
  resolvedInTime: { label: { vi: 'giải quyết trước và đúng hạn', en: 'resolved early or on time' }, of: (f) => f.resolved.early + f.resolved.onTime },
  overdueInProgress: { label: { vi: 'đang giải quyết quá hạn', en: 'in progress, overdue' }, of: (f) => f.inProgress.overdue },
  resolvedPlusOverdue: {
    label: { vi: 'đã giải quyết + đang quá hạn', en: 'resolved + overdue in progress' },
    of: (f) => f.resolved.total + f.inProgress.overdue,
  },
  returned: { label: { vi: 'đã trả kết quả qua một cửa', en: 'result returned through the one-stop desk' }, of: (f) => f.resolved.returned },
  notReturned: { label: { vi: 'có kết quả, chưa trả', en: 'result recorded, not yet returned' }, of: (f) => f.resolved.total - f.resolved.returned },
  electronicResult: { label: { vi: 'có kết quả điện tử', en: 'with an electronic result' }, of: (f) => f.resolved.electronicResult },
  onlineResolved: { label: { vi: 'hồ sơ trực tuyến đã giải quyết', en: 'online dossiers resolved' }, of: (f) => f.resolved.online },
  onlineLate: { label: { vi: 'hồ sơ trực tuyến quá hạn', en: 'online dossiers resolved late' }, of: (f) => f.resolved.onlineLate },
  consultEarly: { label: { vi: 'ý kiến phối hợp trước hạn', en: 'consultation replies early' }, of: (f) => f.consultations.early },
  consultOnTime: { label: { vi: 'ý kiến phối hợp đúng hạn', en: 'consultation replies on time' }, of: (f) => f.consultations.on_time },
  consultLate: { label: { vi: 'ý kiến phối hợp quá hạn', en: 'consultation replies late' }, of: (f) => f.consultations.late },
  procedures: { label: { vi: 'thủ tục thuộc phạm vi', en: 'procedures in scope' }, of: (f) => f.catalogue.total },
  proceduresComplete: { label: { vi: 'thủ tục công khai đủ thông tin', en: 'procedures published with full data' }, of: (f) => f.catalogue.complete },
  proceduresOnline: { label: { vi: 'thủ tục có dịch vụ trực tuyến', en: 'procedures offered online' }, of: (f) => f.catalogue.online },
  rated: { label: { vi: 'lượt đánh giá', en: 'ratings' }, of: (f) => f.satisfaction.count },
  satisfied: { label: { vi: 'hài lòng trở lên', en: 'satisfied or better' }, of: (f) => f.satisfaction.satisfied },
  attitude3: { label: { vi: 'thái độ: rất hài lòng', en: 'attitude: very satisfied' }, of: (f) => f.satisfaction.attitude[2] },
  attitude2: { label: { vi: 'thái độ: hài lòng', en: 'attitude: satisfied' }, of: (f) => f.satisfaction.attitude[1] },
  attitude1: { label: { vi: 'thái độ: không hài lòng', en: 'attitude: not satisfied' }, of: (f) => f.satisfaction.attitude[0] },
  feedbackOnTime: { label: { vi: 'phản ánh trả lời đúng hạn', en: 'feedback answered on time' }, of: (f) => f.feedback.on_time },
  feedbackLate: { label: { vi: 'phản ánh trả lời quá hạn', en: 'feedback answered late' }, of: (f) => f.feedback.late },
  feedbackOverdue: { label: { vi: 'phản ánh quá hạn chưa trả lời', en: 'feedback overdue, unanswered' }, of: (f) => f.feedback.overdue },
} satisfies Record<string, CountSpec>;

export type CountKey = keyof typeof COUNTS;
