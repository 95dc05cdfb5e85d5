// The words of demo and scale documents (seed.ts, generate.ts): summaries in the register's usual shapes (công văn
// "V/v …", quyết định, kế hoạch, báo cáo, thông báo, giấy mời …) combined from lists of subjects, actions and periods, so
// words repeat as they do in a real registry and full-text search has real work to do; authors (ministries, city
// departments, wards), signers, drafting units and instructions. Deterministic for a seed (mulberry32).
import type { Agency } from '../units/index.ts';
import type { DocumentTypeCode } from './types.ts';
import { seededRandom } from '../../platform/seeded-random.ts';

export const random = seededRandom;

export type Rnd = () => number;
export const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** A value from weighted choices. */
export function weighted<T>(rnd: Rnd, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of choices) if ((r -= w) < 0) return v;
  return choices[choices.length - 1]![0];
}

export const SUBJECTS = [
  'công tác cải cách hành chính', 'chuyển đổi số và Đề án 06', 'dịch vụ công trực tuyến toàn trình', 'phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'an toàn giao thông', 'vệ sinh môi trường và thu gom rác thải', 'trật tự xây dựng đô thị', 'quản lý đất đai', 'giải phóng mặt bằng dự án',
  'an toàn thực phẩm', 'phòng, chống dịch bệnh', 'tiêm chủng mở rộng', 'tuyển sinh đầu cấp', 'an sinh xã hội và giảm nghèo', 'chi trả trợ cấp ưu đãi người có công',
  'bảo hiểm xã hội, bảo hiểm y tế', 'thu ngân sách nhà nước', 'quyết toán vốn đầu tư công', 'phòng, chống tham nhũng, tiêu cực', 'tiếp công dân và giải quyết khiếu nại, tố cáo',
  'phổ biến, giáo dục pháp luật', 'rà soát thủ tục hành chính lĩnh vực hộ tịch', 'cấp giấy chứng nhận quyền sử dụng đất', 'chỉnh trang đô thị, chiếu sáng công cộng',
  'phòng, chống thiên tai và tìm kiếm cứu nạn', 'bảo đảm an ninh trật tự', 'công tác quân sự địa phương', 'tuyển chọn, gọi công dân nhập ngũ',
  'thực hành tiết kiệm, chống lãng phí', 'kiểm soát thủ tục hành chính', 'sắp xếp đơn vị hành chính cấp xã', 'tinh giản biên chế', 'thi đua, khen thưởng',
  'xây dựng đời sống văn hóa ở khu dân cư', 'quản lý lễ hội và di tích', 'bảo vệ trẻ em', 'phòng, chống bạo lực gia đình', 'quản lý vỉa hè, lòng đường',
  'thanh toán không dùng tiền mặt', 'chữ ký số và văn bản điện tử', 'lưu trữ hồ sơ, tài liệu', 'bảo vệ bí mật nhà nước', 'an toàn thông tin mạng',
  'cấp nước sạch và thoát nước', 'bảo vệ cây xanh đô thị', 'quản lý chợ và trung tâm thương mại', 'phát triển kinh tế tập thể', 'đăng ký kinh doanh hộ cá thể',
  'hỗ trợ doanh nghiệp nhỏ và vừa', 'kiểm tra hoạt động kinh doanh karaoke, vũ trường', 'bầu cử đại biểu Quốc hội và Hội đồng nhân dân', 'lấy ý kiến nhân dân về dự thảo luật',
] as const;

const ACTIONS_CV = [
  'triển khai thực hiện', 'báo cáo kết quả thực hiện', 'rà soát, đánh giá', 'tăng cường', 'đôn đốc thực hiện', 'góp ý dự thảo văn bản về', 'tổ chức kiểm tra',
  'đề nghị cung cấp thông tin về', 'hướng dẫn nghiệp vụ', 'chấn chỉnh', 'phối hợp thực hiện', 'xin ý kiến về', 'trả lời kiến nghị về', 'bổ sung kinh phí',
  'cử cán bộ tham gia tập huấn về', 'tổng hợp số liệu', 'đăng ký chỉ tiêu', 'thống kê, báo cáo nhanh', 'xử lý phản ánh của người dân về', 'giải trình về',
] as const;
const DECISIONS = [
  'thành lập Tổ công tác', 'phê duyệt kế hoạch', 'ban hành Quy chế phối hợp về', 'kiện toàn Ban chỉ đạo', 'phê duyệt dự toán kinh phí', 'giao chỉ tiêu',
  'khen thưởng tập thể, cá nhân có thành tích trong', 'thành lập Đoàn kiểm tra', 'phân công nhiệm vụ', 'công bố danh mục thủ tục hành chính về', 'ban hành quy định về',
] as const;
export const PERIODS = ['quý I', 'quý II', 'quý III', 'quý IV', '6 tháng đầu năm', '9 tháng', 'tháng cao điểm', 'dịp Tết Nguyên đán', 'đợt 1', 'đợt 2', 'giai đoạn 2026–2030'] as const;
const EVENTS = ['Hội nghị trực tuyến', 'buổi làm việc', 'Hội nghị sơ kết', 'Hội nghị tổng kết', 'lớp tập huấn', 'buổi đối thoại với nhân dân', 'Lễ phát động', 'cuộc họp giao ban'] as const;
const BODY = [
  'Thực hiện chỉ đạo của cấp trên về {s}, đề nghị các đơn vị khẩn trương triển khai, bảo đảm đúng tiến độ và chất lượng.',
  'Kết quả thực hiện gửi về Văn phòng trước ngày 25 hằng tháng để tổng hợp, báo cáo.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh kịp thời để được hướng dẫn giải quyết.',
  'Giao phòng chuyên môn chủ trì, phối hợp với các tổ dân phố tổ chức tuyên truyền, vận động nhân dân thực hiện.',
  'Kinh phí thực hiện được bố trí trong dự toán ngân sách được giao năm {y} và nguồn huy động hợp pháp khác.',
  'Qua kiểm tra, còn một số tồn tại, hạn chế cần khắc phục ngay trong {p}.',
  'Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân nếu để xảy ra chậm trễ.',
  'Văn bản điện tử được ký số, gửi qua trục liên thông văn bản quốc gia; không gửi bản giấy.',
] as const;

/** Authors outside the platform's agencies: ministries, the Government's office, city bodies. */
export const NATIONAL_AUTHORS: readonly { name: string; abbr: string }[] = [
  { name: 'Văn phòng Chính phủ', abbr: 'VPCP' }, { name: 'Bộ Nội vụ', abbr: 'BNV' }, { name: 'Bộ Tư pháp', abbr: 'BTP' }, { name: 'Bộ Tài chính', abbr: 'BTC' },
  { name: 'Bộ Công an', abbr: 'BCA' }, { name: 'Bộ Xây dựng', abbr: 'BXD' }, { name: 'Bộ Y tế', abbr: 'BYT' }, { name: 'Bộ Giáo dục và Đào tạo', abbr: 'BGDĐT' },
  { name: 'Bộ Nông nghiệp và Môi trường', abbr: 'BNNMT' }, { name: 'Bộ Văn hóa, Thể thao và Du lịch', abbr: 'BVHTTDL' }, { name: 'Bộ Khoa học và Công nghệ', abbr: 'BKHCN' },
  { name: 'Thành ủy Hà Nội', abbr: 'TU' }, { name: 'Hội đồng nhân dân Thành phố Hà Nội', abbr: 'HĐND' }, { name: 'Công an Thành phố Hà Nội', abbr: 'CATP' },
  { name: 'Bảo hiểm xã hội Thành phố Hà Nội', abbr: 'BHXH' }, { name: 'Kho bạc Nhà nước khu vực I', abbr: 'KBNN' }, { name: 'Bộ Chỉ huy Quân sự Thành phố', abbr: 'BCH' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Phan', 'Tạ'] as const;
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Đức', 'Thanh', 'Ngọc', 'Hữu', 'Mạnh', 'Hồng', 'Xuân'] as const;
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hùng', 'Hương', 'Khải', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thủy', 'Trang', 'Tuấn', 'Việt', 'Yến'] as const;
export const personName = (rnd: Rnd): string => `${pick(rnd, FAMILY)} ${pick(rnd, MIDDLE)} ${pick(rnd, GIVEN)}`;

export const SIGNER_POSITIONS = [
  { position: 'Chủ tịch', competence: 'TM. ỦY BAN NHÂN DÂN' },
  { position: 'Phó Chủ tịch', competence: 'KT. CHỦ TỊCH' },
  { position: 'Phó Chủ tịch', competence: 'KT. CHỦ TỊCH' },
  { position: 'Chánh Văn phòng', competence: 'TL. CHỦ TỊCH' },
] as const;

/** The drafting units of an agency's official letters (`UBND-KT`): a committee's offices, a department's rooms. */
export function draftingUnits(agency: Pick<Agency, 'kind'>): readonly string[] {
  if (agency.kind === 'city_committee') return ['KT', 'ĐT', 'KGVX', 'NC', 'TH', 'NNMT'];
  if (agency.kind === 'commune_committee') return ['VP', 'VP', 'KT', 'VHXH'];
  return ['VP', 'QLHC', 'TCCB', 'KHTC'];
}

/** Incoming and outgoing type mixes (the register's usual shares: mostly official letters). */
export const INCOMING_TYPES: readonly (readonly [DocumentTypeCode, number])[] = [
  ['CV', 50], ['QĐ', 10], ['KH', 8], ['TB', 8], ['GM', 8], ['BC', 4], ['HD', 5], ['CT', 2], ['CĐ', 2], ['NQ', 1], ['TTr', 2],
];
export const OUTGOING_TYPES: readonly (readonly [DocumentTypeCode, number])[] = [
  ['CV', 45], ['QĐ', 15], ['KH', 8], ['TB', 8], ['BC', 10], ['GM', 5], ['TTr', 5], ['GGT', 2], ['HD', 2],
];
export const URGENCY_MIX: readonly (readonly ['normal' | 'urgent' | 'very_urgent' | 'flash', number])[] = [
  ['normal', 80], ['urgent', 12], ['very_urgent', 6], ['flash', 2],
];

/** A summary in the register's usual shape for the type; `place` names the agency or ward it concerns. */
export function summaryFor(rnd: Rnd, type: string, year: number, place: string, subject: string = pick(rnd, SUBJECTS)): string {
  const period = rnd() < 0.5 ? `${pick(rnd, PERIODS)} năm ${year}` : `năm ${year}`;
  switch (type) {
    case 'CV':
      return `V/v ${pick(rnd, ACTIONS_CV)} ${subject}${rnd() < 0.5 ? ` ${period}` : ''}${rnd() < 0.2 ? ` trên địa bàn ${place}` : ''}`;
    case 'QĐ':
      return `Về việc ${pick(rnd, DECISIONS)} ${subject}${rnd() < 0.4 ? ` ${period}` : ''}`;
    case 'KH':
      return `Kế hoạch ${pick(rnd, ['triển khai', 'thực hiện', 'tổ chức', 'kiểm tra'])} ${subject} ${period}`;
    case 'BC':
      return `Báo cáo kết quả ${subject} ${period}`;
    case 'TB':
      return rnd() < 0.5
        ? `Thông báo kết luận của Chủ tịch Ủy ban nhân dân tại ${pick(rnd, EVENTS)} về ${subject}`
        : `Thông báo về ${subject}${rnd() < 0.5 ? ` ${period}` : ''}`;
    case 'GM':
      return `Mời dự ${pick(rnd, EVENTS)} về ${subject}`;
    case 'HD':
      return `Hướng dẫn thực hiện ${subject} ${period}`;
    case 'CT':
      return `Chỉ thị về tăng cường ${subject}`;
    case 'CĐ':
      return `Công điện về việc tập trung ứng phó, ${subject}`;
    case 'NQ':
      return `Nghị quyết về ${subject} ${period}`;
    case 'TTr':
      return `Tờ trình đề nghị phê duyệt ${subject} ${period}`;
    case 'GGT':
      return `Giới thiệu cán bộ liên hệ công tác về ${subject}`;
    default:
      return `Về ${subject} ${period}`;
  }
}

/** One or two sentences of body text (searchable, like the OCR text of a scan or the draft's text). */
export function bodyFor(rnd: Rnd, subject: string, year: number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(pick(rnd, BODY).replace('{s}', subject).replace('{y}', String(year)).replace('{p}', `${pick(rnd, PERIODS)} năm ${year}`));
  return out.join(' ');
}

export function instructionFor(rnd: Rnd, leadName: string, due: string | null): string {
  const by = due ? `, báo cáo kết quả trước ngày ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}` : '';
  return pick(rnd, [
    `Giao đồng chí ${leadName} chủ trì tham mưu, đề xuất${by}.`,
    `Đồng chí ${leadName} nghiên cứu, tham mưu văn bản trả lời${by}.`,
    `Chuyển đồng chí ${leadName} xử lý theo quy định${by}.`,
    `Đồng chí ${leadName} chủ trì, phối hợp các bộ phận liên quan triển khai${by}.`,
  ]);
}

export const PROGRESS_NOTES = [
  'Đã dự thảo văn bản trả lời, trình lãnh đạo xem xét.',
  'Đang tổng hợp số liệu từ các tổ dân phố.',
  'Đã làm việc với đơn vị liên quan, chờ cung cấp hồ sơ bổ sung.',
  'Đã kiểm tra thực tế tại hiện trường.',
] as const;
export const DONE_NOTES = ['Đã ban hành văn bản trả lời.', 'Đã triển khai thực hiện, lưu hồ sơ.', 'Đã báo cáo kết quả theo yêu cầu.', 'Đã tham mưu xử lý xong.'] as const;
