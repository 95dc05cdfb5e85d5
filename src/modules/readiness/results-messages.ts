// Every label of the results pages, the workbook and the printed report (one source, Vietnamese and English).
import { defineErrors } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';
import type { Flag, Light } from './scoring.ts';

const t = (vi: string, en: string): Text => ({ vi, en });

export const ResultErrors = defineErrors({
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kết quả của đơn vị này trong kỳ đánh giá, hoặc bạn không có quyền xem.', en: 'No result of this unit in the assessment cycle, or you may not see it.' },
  PLAN_NOT_FOUND: { status: 404, vi: 'Không có kế hoạch của năm này.', en: 'There is no plan for this year.' },
});

export const LIGHT_TEXT: Record<Light, Text> = {
  green: t('Tốt', 'Good'),
  amber: t('Trung bình', 'Fair'),
  red: t('Cần cải thiện', 'Needs improvement'),
};

export const FLAG_TEXT: Record<Flag, Text> = {
  missing: t('Thiếu số liệu: chỉ số được 0 điểm', 'Value missing: the indicator scores 0'),
  'wrong-type': t('Số liệu sai kiểu: chỉ số được 0 điểm', 'Value of the wrong type: the indicator scores 0'),
  clamped: t('Điểm tính ra vượt khoảng cho phép nên được đưa về trong khoảng 0 – tối đa', 'The computed points were outside 0 – maximum and were brought within it'),
  'zero-denominator': t('Mẫu số bằng 0: áp dụng quy định của bộ chỉ số cho trường hợp này', 'The denominator is 0: the set’s rule for that case applies'),
  'no-best': t('Không đơn vị nào trong nhóm có giá trị lớn hơn 0 nên mọi đơn vị được 0 điểm', 'No unit of the peer group has a value above 0, so every unit scores 0'),
  'unknown-category': t('Giá trị không thuộc danh mục: chỉ số được 0 điểm', 'The value is not one of the categories: the indicator scores 0'),
  'division-by-zero': t('Công thức có phép chia cho 0: chỉ số được 0 điểm', 'The formula divides by 0: the indicator scores 0'),
};

export const PEER_GROUP_TEXT = { commune: t('xã, phường', 'communes and wards'), department: t('sở, ban, ngành', 'departments') } as const;

export const r = {
  homeTitle: t('Kết quả đánh giá mức độ chuyển đổi số', 'Digital-transformation readiness results'),
  homeIntro: t('Kết quả xếp hạng các đơn vị theo từng kỳ đánh giá, xu hướng qua các năm, chỉ số DTI của thành phố và mức thực hiện kế hoạch.', 'Rankings of the units per assessment cycle, trends over the years, the city’s DTI and the plan’s progress.'),
  cycles: t('Các kỳ đánh giá', 'Assessment cycles'),
  noCycles: t('Chưa có kỳ đánh giá nào bạn được xem.', 'No assessment cycle you may see yet.'),
  cycleName: t('Năm {year} — {group}', '{year} — {group}'),
  published: t('Đã công bố', 'Published'),
  provisional: t('Tạm tính, chưa công bố', 'Provisional, not published'),
  trends: t('Xu hướng qua các năm', 'Trends over the years'),
  trendChart: t('Tỷ lệ điểm trung bình và cao nhất của khối {group} qua các năm', 'Mean and best share of the maximum, {group}, by year'),
  meanShare: t('Trung bình', 'Mean'),
  bestShare: t('Cao nhất', 'Best'),
  unitsCounted: t('Số đơn vị', 'Units'),
  year: t('Năm', 'Year'),
  illustrative: t('Số liệu các năm trước 2025 là số liệu minh họa, không phải kết quả thật.', 'Figures before 2025 are illustrative, not real results.'),
  dtiLink: t('Chỉ số DTI của thành phố', 'The city’s DTI'),
  planLink: t('Kế hoạch năm {year}: mục tiêu và mức thực hiện', 'The {year} plan: targets and achievement'),
  // The cycle's ranking.
  rankingTitle: t('Xếp hạng khối {group} năm {year}', 'Ranking of {group}, {year}'),
  plausibleSet: t('Điểm và cách tính của từng chỉ số là phương án hợp lý do nền tảng đề xuất, chưa đối chiếu với hướng dẫn chính thức.', 'The indicators’ points and rules are a plausible reconstruction, not yet checked against the official guidance.'),
  provisionalNote: t('Kết quả tạm tính: chưa công bố, chỉ cơ quan thẩm định và hội đồng được xem thứ hạng.', 'Provisional results: not published; only the reviewing office and the council see the ranks.'),
  ownOnlyNote: t('Trước khi công bố, đơn vị chỉ xem được điểm tạm tính của mình, không có thứ hạng.', 'Before publication a unit sees only its own provisional score, without a rank.'),
  noResults: t('Chưa có phiếu nào được chấm điểm.', 'No form has been scored yet.'),
  rank: t('Hạng', 'Rank'),
  unit: t('Đơn vị', 'Unit'),
  total: t('Tổng điểm', 'Total'),
  level: t('Mức', 'Level'),
  scorecard: t('Phiếu điểm', 'Scorecard'),
  totalsChart: t('Tổng điểm các đơn vị', 'The units’ totals'),
  groupPoints: t('Điểm theo nhóm chỉ số', 'Points by group'),
  downloads: t('Tải về', 'Downloads'),
  excel: t('Bảng tính Excel kết quả', 'Results workbook (Excel)'),
  pdf: t('Báo cáo PDF', 'Printable report (PDF)'),
  pdfUnit: t('Báo cáo PDF kèm phiếu điểm của đơn vị', 'Printable report (PDF) with this unit’s scorecard'),
  // A unit's scorecard.
  scorecardTitle: t('Phiếu điểm: {unit} — năm {year}', 'Scorecard: {unit} — {year}'),
  back: t('Về bảng xếp hạng', 'Back to the ranking'),
  indicator: t('Chỉ số', 'Indicator'),
  code: t('Mã', 'Code'),
  value: t('Giá trị', 'Value'),
  points: t('Điểm', 'Points'),
  max: t('Tối đa', 'Maximum'),
  share: t('Tỷ lệ', 'Share'),
  notes: t('Ghi chú', 'Notes'),
  subtotal: t('Cộng nhóm', 'Group subtotal'),
  adjusted: t('Hội đồng điều chỉnh từ {computed} thành {after} điểm. Lý do: {reason}', 'The council changed {computed} to {after} points. Reason: {reason}'),
  explanation: t('Giải trình của đơn vị: {text}', 'The unit’s explanation: {text}'),
  missingCodes: t('Thiếu: {codes}', 'Missing: {codes}'),
  strongest: t('3 chỉ số mạnh nhất', 'The 3 strongest indicators'),
  weakest: t('3 chỉ số yếu nhất', 'The 3 weakest indicators'),
  unitTrend: t('Tổng điểm của đơn vị qua các năm', 'The unit’s total over the years'),
  noHistory: t('Chưa có số liệu các năm trước.', 'No figures of earlier years yet.'),
  yes: t('Có', 'Yes'),
  no: t('Không', 'No'),
  // DTI.
  dtiTitle: t('Chỉ số chuyển đổi số cấp tỉnh (DTI) của Hà Nội', 'Hà Nội’s provincial Digital Transformation Index (DTI)'),
  dtiPosition: t('DTI {year}: Hà Nội xếp thứ {rank}/{provinces} với {score} điểm.', 'DTI {year}: Hà Nội ranks {rank} of {provinces} with {score}.'),
  pillarsChart: t('Điểm các chỉ số chính DTI {year}', 'The main indices of DTI {year}'),
  pillar: t('Chỉ số chính', 'Main index'),
  score: t('Điểm (0–1)', 'Score (0–1)'),
  rankChart: t('Thứ hạng DTI của Hà Nội qua các năm (1 là cao nhất)', 'Hà Nội’s DTI rank by year (1 is the top)'),
  provinces: t('Số tỉnh, thành phố', 'Provinces'),
  verified: t('Đã kiểm chứng', 'Verified'),
  plausible: t('Minh họa, chưa kiểm chứng', 'Illustrative, not verified'),
  status: t('Nguồn số liệu', 'Status'),
  // Plan.
  planTitle: t('Mục tiêu kế hoạch năm {year} và mức thực hiện', 'The {year} plan’s targets and achievement'),
  target: t('Mục tiêu', 'Target'),
  basis: t('Căn cứ', 'Basis'),
  achieved: t('Thực hiện', 'Achieved'),
  figures: t('Số liệu', 'Figures'),
  result: t('Kết quả', 'Result'),
  met: t('Đạt', 'Met'),
  notMet: t('Chưa đạt', 'Not met'),
  noData: t('Chưa có số liệu', 'No data yet'),
  planFigures: t('{num} / {den} — {units} đơn vị', '{num} / {den} — {units} units'),
  planNoPublished: t('Chưa có kỳ đánh giá nào của năm {year} được công bố; mức thực hiện sẽ được tính khi kết quả được công bố.', 'No assessment cycle of {year} is published yet; achievement is computed once results are published.'),
  illustrativeTarget: t('(mục tiêu minh họa)', '(illustrative target)'),
  // Export and report.
  sheetRanking: t('Xếp hạng', 'Ranking'),
  sheetIndicators: t('Chỉ số', 'Indicators'),
  sheetGroups: t('Nhóm', 'Groups'),
  sheetTrends: t('Xu hướng', 'Trends'),
  reportTitle: t('BÁO CÁO KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ', 'DIGITAL-TRANSFORMATION READINESS RESULTS'),
  source: t('Nguồn', 'Source'),
} as const;
