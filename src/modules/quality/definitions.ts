// The indices of service quality as data (DOMAIN §6), so that they change with the law without touching the code that
// evaluates them (indices.ts). Each names the counts it uses (counts.ts) and a scoring rule:
//   average     per-dossier points, averaged: Σ points × count ÷ Σ count (Circular 01/2018 scores each dossier 0/1/2)
//   bands       a share compared with thresholds
//   conditions  all conditions met, some, none
//   shares      Σ points × share (Decision 766/QĐ-TTg); parts without data are left out and the rest scaled to the points
// The wording of the thresholds is our reading of the texts; the law's own text decides: check it when it changes.
import type { Text } from '../../platform/web/i18n.ts';
import type { CountKey } from './counts.ts';

export type Rule =
  | { kind: 'average'; points: Partial<Record<CountKey, number>>; empty?: number }
  | { kind: 'bands'; numerator: CountKey; denominator: CountKey; bands: { atLeast: number; points: number }[] }
  | {
      kind: 'conditions';
      conditions: { numerator: CountKey; denominator: CountKey; atLeast?: number; atMost?: number; text: Text }[];
      all: number;
      some: number;
      none: number;
    }
  | { kind: 'shares'; parts: { numerator: CountKey; denominator: CountKey; points: number }[] };

export interface IndexDefinition {
  key: string;
  number: string;
  title: Text;
  formula: Text;
  /** Where the platform's data cannot support the index fully, and what stands in for it. */
  dataNote?: Text;
  max: number;
  rule: Rule;
}

/** A reply to feedback is due this many working days after it was sent (the city's setting). */
export const FEEDBACK_ANSWER_WORKING_DAYS = 10;
/** The rating criterion that measures staff attitude (dossier_ratings.criteria). */
export const ATTITUDE_CRITERION = 'attitude';

export const CIRCULAR_01 = {
  law: { vi: 'Thông tư 01/2018/TT-VPCP, Điều 13 (Nghị định 61/2018/NĐ-CP, Điều 30)', en: 'Circular 01/2018/TT-VPCP, Art. 13 (Decree 61/2018/ND-CP, Art. 30)' },
  indices: [
    {
      key: 'processing_time',
      number: '1',
      title: { vi: 'Tổng thời gian giải quyết so với thời gian quy định', en: 'Total processing time against the time allowed' },
      formula: { vi: 'Mỗi hồ sơ đã giải quyết: trước hạn 2 điểm, đúng hạn 1, quá hạn 0; lấy trung bình.', en: 'Each resolved dossier: early 2 points, on time 1, late 0; averaged.' },
      max: 2,
      rule: { kind: 'average', points: { early: 2, onTime: 1, late: 0 } },
    },
    {
      key: 'unit_time',
      number: '2',
      title: { vi: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết', en: 'Time taken by each agency taking part' },
      formula: {
        vi: 'Cơ quan giải quyết (theo hạn của hồ sơ) và mỗi cơ quan được lấy ý kiến (theo hạn của ý kiến): trước hạn 2, đúng hạn 1, quá hạn 0; lấy trung bình.',
        en: 'The handling agency (against the dossier’s due date) and each consulted agency (against its reply date): early 2, on time 1, late 0; averaged.',
      },
      dataNote: {
        vi: 'Hệ thống chỉ giữ hạn của bước hiện tại, nên thời gian của từng bước nội bộ (một cửa, chuyên viên) không được chấm riêng.',
        en: 'Only the current step’s due time is kept, so the internal steps (desk, specialist) are not scored separately.',
      },
      max: 2,
      rule: { kind: 'average', points: { early: 2, onTime: 1, late: 0, consultEarly: 2, consultOnTime: 1, consultLate: 0 } },
    },
    {
      key: 'contacts',
      number: '3',
      title: { vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ', en: 'Times the applicant had to come back to complete the dossier' },
      formula: { vi: 'Mỗi hồ sơ tiếp nhận: không phải bổ sung 2 điểm, bổ sung 1 lần 1, 2 lần 0; lấy trung bình.', en: 'Each dossier received: no supplement 2 points, one 1, two 0; averaged.' },
      dataNote: {
        vi: 'Mỗi yêu cầu bổ sung (Mẫu 02, ghi trong lịch sử hồ sơ) được tính là một lần liên hệ thêm; lần liên hệ không qua hệ thống không được biết.',
        en: 'Each request to supplement (Form 02, in the dossier’s history) counts as one more contact; contacts outside the system are not known.',
      },
      max: 2,
      rule: { kind: 'average', points: { notSupplemented: 2, supplementedOnce: 1, supplementedTwice: 0 } },
    },
    {
      key: 'agencies_contacted',
      number: '4',
      title: { vi: 'Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ', en: 'Agencies the applicant had to deal with' },
      formula: { vi: 'Mỗi hồ sơ tiếp nhận: chỉ nơi tiếp nhận 2 điểm, thêm cơ quan giải quyết 1; lấy trung bình.', en: 'Each dossier received: the receiving agency only 2 points, the handling agency too 1; averaged.' },
      dataNote: {
        vi: 'Tính thêm cơ quan giải quyết khi cơ quan đó (khác nơi tiếp nhận) yêu cầu bổ sung lúc thẩm định; cơ quan phối hợp (liên thông) không liên hệ người nộp qua hệ thống.',
        en: 'The handling agency counts when it (not the receiving one) asked for a supplement during appraisal; consulted agencies never contact the applicant through the system.',
      },
      max: 2,
      rule: { kind: 'average', points: { oneAgency: 2, twoAgencies: 1 } },
    },
    {
      key: 'one_stop',
      number: '5',
      title: { vi: 'Tiếp nhận, trả kết quả tại Bộ phận Một cửa', en: 'Received and returned through the one-stop desk' },
      formula: { vi: 'Mỗi hồ sơ đã giải quyết: đã trả kết quả qua một cửa (quầy, bưu chính, trực tuyến) 2 điểm, chưa trả 1; lấy trung bình.', en: 'Each resolved dossier: result returned through the desk (counter, post, online) 2 points, not yet 1; averaged.' },
      dataNote: {
        vi: 'Mọi hồ sơ trên hệ thống đều được tiếp nhận qua một cửa hoặc cổng dịch vụ công; việc người nộp phải đến thẳng phòng chuyên môn không được ghi nhận.',
        en: 'Every dossier here is received through the desk or the portal; an applicant sent straight to a department is not recorded.',
      },
      max: 2,
      rule: { kind: 'average', points: { returned: 2, notReturned: 1 } },
    },
    {
      key: 'publication',
      number: '6',
      title: { vi: 'Công khai thủ tục hành chính', en: 'Publication of the procedures' },
      formula: { vi: 'Tỷ lệ thủ tục thuộc phạm vi được công khai đủ thông tin: 100% được 2 điểm, thấp hơn 1.', en: 'Share of the procedures in scope published with full data: 100% gives 2 points, less 1.' },
      dataNote: {
        vi: 'Đủ thông tin = có thời hạn, thành phần hồ sơ, phí, trình tự, căn cứ pháp lý và kết quả trong danh mục; việc niêm yết tại trụ sở không được đo.',
        en: 'Full data = processing time, documents, fees, steps, legal basis and result in the catalogue; posting at the office is not measured.',
      },
      max: 2,
      rule: { kind: 'bands', numerator: 'proceduresComplete', denominator: 'procedures', bands: [{ atLeast: 1, points: 2 }, { atLeast: 0, points: 1 }] },
    },
    {
      key: 'attitude',
      number: '7',
      title: { vi: 'Thái độ của cán bộ, công chức', en: 'Attitude of the staff' },
      formula: { vi: 'Mỗi lượt đánh giá tiêu chí thái độ: rất hài lòng 2 điểm, hài lòng 1, không hài lòng 0; lấy trung bình.', en: 'Each rating of the attitude criterion: very satisfied 2 points, satisfied 1, not satisfied 0; averaged.' },
      dataNote: {
        vi: 'Lấy tiêu chí “thái độ” trong đánh giá của người nộp; lượt đánh giá không có tiêu chí này dùng mức đánh giá chung.',
        en: 'From the applicant’s rating of the “attitude” criterion; ratings without it use the overall rating.',
      },
      max: 2,
      rule: { kind: 'average', points: { attitude3: 2, attitude2: 1, attitude1: 0 } },
    },
    {
      key: 'feedback',
      number: '8',
      title: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback' },
      formula: {
        vi: `Mỗi phản ánh: trả lời trong ${FEEDBACK_ANSWER_WORKING_DAYS} ngày làm việc 2 điểm, trả lời muộn 1, quá hạn chưa trả lời 0; không có phản ánh: 2.`,
        en: `Each piece of feedback: answered within ${FEEDBACK_ANSWER_WORKING_DAYS} working days 2 points, answered later 1, overdue unanswered 0; no feedback: 2.`,
      },
      dataNote: { vi: 'Phản ánh chưa đến hạn trả lời không được tính.', en: 'Feedback not yet due is left out.' },
      max: 2,
      rule: { kind: 'average', points: { feedbackOnTime: 2, feedbackLate: 1, feedbackOverdue: 0 }, empty: 2 },
    },
    {
      key: 'online',
      number: '9',
      title: { vi: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến', en: 'Progress and quality of online services' },
      formula: { vi: 'Đạt cả ba điều kiện: 2 điểm; đạt một hoặc hai: 1; không đạt: 0.', en: 'All three conditions met: 2 points; one or two: 1; none: 0.' },
      max: 2,
      rule: {
        kind: 'conditions',
        conditions: [
          { numerator: 'proceduresOnline', denominator: 'procedures', atLeast: 0.2, text: { vi: 'ít nhất 20% thủ tục có dịch vụ trực tuyến', en: 'at least 20% of procedures online' } },
          { numerator: 'online', denominator: 'received', atLeast: 0.3, text: { vi: 'ít nhất 30% hồ sơ nộp trực tuyến', en: 'at least 30% of dossiers submitted online' } },
          { numerator: 'onlineLate', denominator: 'onlineResolved', atMost: 0, text: { vi: 'không có hồ sơ trực tuyến quá hạn', en: 'no online dossier resolved late' } },
        ],
        all: 2,
        some: 1,
        none: 0,
      },
    },
  ] satisfies IndexDefinition[],
};

export const DECISION_766 = {
  law: { vi: 'Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số phục vụ người dân, doanh nghiệp)', en: 'Decision 766/QD-TTg of 23 June 2022 (service index for citizens and businesses)' },
  /** The total's grade: the first band the total reaches. */
  bands: [
    { atLeast: 90, label: { vi: 'Xuất sắc', en: 'Excellent' } },
    { atLeast: 70, label: { vi: 'Tốt', en: 'Good' } },
    { atLeast: 50, label: { vi: 'Khá', en: 'Fair' } },
    { atLeast: 0, label: { vi: 'Yếu', en: 'Weak' } },
  ],
  groups: [
    {
      key: 'transparency',
      number: '1',
      title: { vi: 'Công khai, minh bạch', en: 'Transparency' },
      formula: { vi: '18 điểm × tỷ lệ thủ tục công khai đủ thông tin.', en: '18 points × share of procedures published with full data.' },
      dataNote: {
        vi: 'Tiến độ của mọi hồ sơ đều được công khai (tra cứu theo mã) nên không tạo khác biệt; việc đồng bộ lên Cổng Dịch vụ công quốc gia không được đo.',
        en: 'Every dossier’s progress is public (lookup by code), so it makes no difference; synchronisation with the national portal is not measured.',
      },
      max: 18,
      rule: { kind: 'shares', parts: [{ numerator: 'proceduresComplete', denominator: 'procedures', points: 18 }] },
    },
    {
      key: 'progress',
      number: '2',
      title: { vi: 'Tiến độ giải quyết', en: 'Progress' },
      formula: { vi: '20 điểm × hồ sơ giải quyết trước và đúng hạn ÷ (hồ sơ đã giải quyết + hồ sơ đang giải quyết quá hạn).', en: '20 points × resolved early or on time ÷ (resolved + overdue in progress).' },
      max: 20,
      rule: { kind: 'shares', parts: [{ numerator: 'resolvedInTime', denominator: 'resolvedPlusOverdue', points: 20 }] },
    },
    {
      key: 'digitisation',
      number: '3',
      title: { vi: 'Số hóa hồ sơ, kết quả', en: 'Digitisation of dossiers and results' },
      formula: { vi: '11 điểm × tỷ lệ hồ sơ có kết quả điện tử + 11 điểm × tỷ lệ hồ sơ điện tử khi tiếp nhận.', en: '11 points × share of results issued electronically + 11 points × share of dossiers electronic at receipt.' },
      dataNote: {
        vi: 'Hồ sơ điện tử = nộp trực tuyến, hoặc nộp tại quầy và đã quét (tệp loại “scan”); kết quả điện tử = có tệp kết quả.',
        en: 'Electronic dossier = submitted online, or at the counter and scanned (a “scan” file); electronic result = a result file.',
      },
      max: 22,
      rule: {
        kind: 'shares',
        parts: [
          { numerator: 'electronicResult', denominator: 'resolved', points: 11 },
          { numerator: 'digitised', denominator: 'received', points: 11 },
        ],
      },
    },
    {
      key: 'online',
      number: '4',
      title: { vi: 'Dịch vụ công trực tuyến và thanh toán trực tuyến', en: 'Online services and online payment' },
      formula: {
        vi: '4 điểm × tỷ lệ thủ tục trực tuyến + 8 điểm × tỷ lệ hồ sơ trực tuyến + 10 điểm × tỷ lệ hồ sơ có phí được thanh toán trực tuyến.',
        en: '4 points × share of procedures online + 8 points × share of dossiers online + 10 points × share of dossiers with fees paid online.',
      },
      max: 22,
      rule: {
        kind: 'shares',
        parts: [
          { numerator: 'proceduresOnline', denominator: 'procedures', points: 4 },
          { numerator: 'online', denominator: 'received', points: 8 },
          { numerator: 'paidOnline', denominator: 'withFees', points: 10 },
        ],
      },
    },
    {
      key: 'satisfaction',
      number: '5',
      title: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      formula: { vi: '18 điểm × tỷ lệ lượt đánh giá hài lòng trở lên.', en: '18 points × share of ratings satisfied or better.' },
      dataNote: { vi: 'Chỉ tính người nộp đã đánh giá trên hệ thống.', en: 'Only applicants who rated through the system.' },
      max: 18,
      rule: { kind: 'shares', parts: [{ numerator: 'satisfied', denominator: 'rated', points: 18 }] },
    },
  ] satisfies IndexDefinition[],
};
