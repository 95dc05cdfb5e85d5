// Texts of the indicator-set pages (/chuyen-doi-so/bo-chi-so) and the plain sentence that tells how each rule kind
// scores (INDICATORS.md §3: "how it is scored"). One source for every label of these pages.
import type { Text } from '../../platform/web/i18n.ts';
import type { ScoringRule } from './sets.ts';

export const sm = {
  listTitle: { vi: 'Bộ chỉ số đánh giá mức độ chuyển đổi số', en: 'Digital-transformation indicator sets' },
  listIntro: {
    vi: 'Mỗi năm và mỗi nhóm đơn vị có một bộ chỉ số. Mỗi thay đổi là một phiên bản mới; kỳ đánh giá giữ phiên bản đã mở.',
    en: 'Each year and each peer group has its indicator set. Every change is a new version; a cycle keeps the version it was opened on.',
  },
  empty: { vi: 'Chưa có bộ chỉ số nào.', en: 'There is no indicator set yet.' },
  colId: { vi: 'Mã bộ', en: 'Set' },
  colYear: { vi: 'Năm', en: 'Year' },
  colPeerGroup: { vi: 'Nhóm đơn vị', en: 'Peer group' },
  colVersions: { vi: 'Phiên bản', en: 'Versions' },
  colPlausible: { vi: 'Dữ liệu', en: 'Data' },
  plausible: { vi: 'Giả định hợp lý, chưa kiểm chứng', en: 'Plausible, not verified' },
  verified: { vi: 'Theo văn bản chính thức', en: 'From the official text' },
  peerGroup: { commune: { vi: 'Xã, phường', en: 'Communes and wards' }, department: { vi: 'Sở, ban, ngành', en: 'Departments' } } as Record<string, Text>,
  latest: { vi: 'mới nhất: {v}', en: 'latest: {v}' },
  importTitle: { vi: 'Nhập bộ chỉ số mới', en: 'Import an indicator set' },
  importHint: {
    vi: 'Tệp JSON theo định dạng bộ chỉ số. Cùng mã bộ thì thành phiên bản mới; bộ được kiểm tra đầy đủ trước khi lưu.',
    en: 'A JSON file in the indicator-set format. The same set id becomes a new version; the set is checked in full before it is stored.',
  },
  fileLabel: { vi: 'Tệp bộ chỉ số (JSON)', en: 'Indicator set file (JSON)' },
  noteLabel: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  importButton: { vi: 'Kiểm tra và lưu', en: 'Check and store' },
  issuesTitle: { vi: 'Bộ chỉ số chưa được lưu. Các lỗi theo từng chỉ số:', en: 'The set was not stored. The errors, per indicator:' },
  imported: { vi: 'Đã lưu phiên bản {v} của bộ {id}.', en: 'Version {v} of set {id} was stored.' },
  back: { vi: '← Các bộ chỉ số', en: '← Indicator sets' },
  versionLabel: { vi: 'Phiên bản', en: 'Version' },
  showButton: { vi: 'Xem', en: 'Show' },
  versionOption: { vi: 'Phiên bản {v} — {date}', en: 'Version {v} — {date}' },
  loadedShipped: { vi: 'Nạp từ tệp đi kèm phần mềm ngày {date}.', en: 'Loaded from the file shipped with the software on {date}.' },
  loadedBy: { vi: 'Cơ quan thẩm định nhập ngày {date}.', en: 'Imported by the reviewing office on {date}.' },
  source: { vi: 'Căn cứ: {decision} ngày {date} — {title}', en: 'Source: {decision} of {date} — {title}' },
  totalPoints: { vi: 'Tổng điểm tối đa: {n}', en: 'Maximum total: {n} points' },
  groupHeading: { vi: '{name} (tối đa {max} điểm)', en: '{name} (at most {max} points)' },
  colNumber: { vi: 'STT', en: 'No.' },
  colIndicator: { vi: 'Chỉ số', en: 'Indicator' },
  colMax: { vi: 'Điểm tối đa', en: 'Max points' },
  colHow: { vi: 'Cách chấm điểm', en: 'How it is scored' },
  colEvidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  colDataSource: { vi: 'Nguồn số liệu', en: 'Data source' },
  colVerifier: { vi: 'Đơn vị thẩm định', en: 'Verifier' },
  platformFills: { vi: 'Nền tảng tự điền ({source}).', en: 'Filled by the platform ({source}).' },
  figuresTitle: { vi: 'Số liệu đầu vào', en: 'Figures' },
  colCode: { vi: 'Mã', en: 'Code' },
  colName: { vi: 'Tên', en: 'Name' },
  colUnit: { vi: 'Đơn vị tính', en: 'Unit' },
  validationsTitle: { vi: 'Quy tắc kiểm tra số liệu', en: 'Validation rules' },
  colRule: { vi: 'Quy tắc', en: 'Rule' },
  colMessage: { vi: 'Thông báo khi vi phạm', en: 'Message when broken' },
  none: { vi: 'Không có.', en: 'None.' },
} satisfies Record<string, Text | Record<string, Text>>;

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** How an indicator of maximum `max` is scored, in one plain sentence per rule kind. */
export function ruleSentence(rule: ScoringRule, max: number): Text {
  switch (rule.kind) {
    case 'steps': {
      const vi = rule.steps.map((s) => `từ ${fmt(s.min)} trở lên: ${fmt(s.points)} điểm`).join('; ');
      const en = rule.steps.map((s) => `${fmt(s.min)} or more: ${fmt(s.points)} points`).join('; ');
      return { vi: `Theo mức: ${vi}; thấp hơn: 0 điểm.`, en: `By steps: ${en}; less: 0 points.` };
    }
    case 'ratio': {
      const zero = rule.whenZero === 'full' ? { vi: 'đủ điểm', en: 'full points' } : { vi: '0 điểm', en: '0 points' };
      return {
        vi: `Tỷ lệ (${rule.numerator}) ÷ (${rule.denominator}) × ${fmt(max)}, tối đa ${fmt(max)} điểm; mẫu số bằng 0: ${zero.vi}.`,
        en: `The ratio (${rule.numerator}) ÷ (${rule.denominator}) × ${fmt(max)}, at most ${fmt(max)} points; a zero denominator: ${zero.en}.`,
      };
    }
    case 'relative':
      return { vi: `Giá trị ÷ giá trị cao nhất trong nhóm đơn vị × ${fmt(max)}.`, en: `The value ÷ the best value in the peer group × ${fmt(max)}.` };
    case 'categorical': {
      const pts = (c: (typeof rule.categories)[number]) => fmt(c.points ?? (c.share ?? 0) * max);
      return {
        vi: `Theo loại: ${rule.categories.map((c) => `${c.label.vi}: ${pts(c)} điểm`).join('; ')}.`,
        en: `By category: ${rule.categories.map((c) => `${c.label.en}: ${pts(c)} points`).join('; ')}.`,
      };
    }
    case 'formula':
      return { vi: `Điểm = ${rule.expression} (trong khoảng 0 đến ${fmt(max)}).`, en: `Points = ${rule.expression} (between 0 and ${fmt(max)}).` };
    case 'boolean':
      return { vi: `Có: ${fmt(max)} điểm; không: 0 điểm.`, en: `Yes: ${fmt(max)} points; no: 0 points.` };
  }
}
