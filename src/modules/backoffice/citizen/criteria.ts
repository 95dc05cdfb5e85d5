// The applicant's satisfaction survey as data (Circular 01/2018/TT-VPCP Art. 13 and the Ministry of Home Affairs'
// satisfaction index): an overall score and one score per criterion, each 1 = not satisfied, 2 = satisfied,
// 3 = very satisfied (migrations/0008: dossier_ratings.overall 1–3, criteria {key: 1–3}).
import type { Text } from '../../../platform/web/i18n.ts';

export const RATING_CRITERIA = [
  {
    key: 'time',
    label: { vi: 'Thời gian giải quyết hồ sơ', en: 'Processing time' },
    hint: { vi: 'So với thời hạn đã hẹn trả kết quả.', en: 'Compared with the date you were given.' },
  },
  {
    key: 'contacts',
    label: { vi: 'Số lần phải liên hệ với cơ quan để hoàn thành hồ sơ', en: 'Number of contacts needed to complete the dossier' },
    hint: { vi: 'Càng ít lần phải đi lại, liên hệ càng tốt.', en: 'The fewer visits and calls, the better.' },
  },
  {
    key: 'attitude',
    label: { vi: 'Thái độ của cán bộ, công chức tiếp nhận và giải quyết', en: 'Attitude of the staff who received and handled it' },
    hint: { vi: 'Lịch sự, tận tình, hướng dẫn rõ ràng.', en: 'Courteous, helpful, clear guidance.' },
  },
  {
    key: 'openness',
    label: { vi: 'Công khai, minh bạch thông tin về thủ tục và tiến độ', en: 'Openness of information about the procedure and progress' },
    hint: { vi: 'Thành phần hồ sơ, phí, thời hạn và tình trạng hồ sơ được công khai.', en: 'Documents, fees, time limits and the dossier’s status were published.' },
  },
  {
    key: 'lawful',
    label: { vi: 'Kết quả giải quyết đúng quy định', en: 'The result follows the rules' },
    hint: { vi: 'Kết quả (hoặc lý do không giải quyết) đúng quy định của pháp luật.', en: 'The result (or the reasons for refusing) is as the law says.' },
  },
] as const satisfies readonly { key: string; label: Text; hint: Text }[];

export type CriterionKey = (typeof RATING_CRITERIA)[number]['key'];
export const CRITERION_KEYS: readonly CriterionKey[] = RATING_CRITERIA.map((c) => c.key);

export const SCORES = [1, 2, 3] as const;
export type Score = (typeof SCORES)[number];

export const SCORE_LABELS: Record<Score, Text> = {
  1: { vi: 'Không hài lòng', en: 'Not satisfied' },
  2: { vi: 'Hài lòng', en: 'Satisfied' },
  3: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

export const OVERALL_LABEL: Text = { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' };

export function isScore(v: unknown): v is Score {
  return v === 1 || v === 2 || v === 3;
}
