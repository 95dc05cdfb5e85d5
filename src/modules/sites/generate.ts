// Scale data for the portal (`egov seed --articles N`, bench/portal.ts): N published articles across every site over
// the last three years, in plausible Vietnamese (subjects, actions and places combined from lists, so words repeat as
// they do in real news and search has real work to do), inserted in batches of one statement each. Deterministic for a
// seed. Not idempotent: each run adds N more (slugs carry a run-unique suffix).
import type { Platform } from '../../platform/http/context.ts';
import { insertJsonRows, type BulkColumns } from '../../platform/db/bulk.ts';
import { slugify } from '../../platform/text/slug.ts';
import { type ArticleKind, sitesDb, sitesRepo } from './repo.ts';
import { seededRandom } from '../../platform/seeded-random.ts';

const SUBJECTS = [
  'cải cách hành chính', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'an toàn giao thông', 'vệ sinh môi trường', 'phòng cháy chữa cháy',
  'tiêm chủng mở rộng', 'tuyển sinh đầu cấp', 'trật tự xây dựng', 'an sinh xã hội', 'giải phóng mặt bằng', 'chỉnh trang đô thị',
  'phòng chống thiên tai', 'quản lý đất đai', 'bầu cử đại biểu', 'khuyến học khuyến tài', 'xây dựng nông thôn mới', 'thu ngân sách',
  'cấp giấy phép lái xe', 'đăng ký khai sinh', 'chữ ký số', 'thanh toán không dùng tiền mặt', 'an toàn thực phẩm', 'lễ hội truyền thống',
];
const ACTIONS = [
  'Hội nghị triển khai', 'Kết quả thực hiện', 'Kế hoạch tăng cường', 'Tập huấn nghiệp vụ về', 'Kiểm tra công tác', 'Tuyên truyền về',
  'Sơ kết sáu tháng', 'Tổng kết năm', 'Hướng dẫn người dân về', 'Ra quân thực hiện', 'Đối thoại với nhân dân về', 'Thông báo về',
];
const PERIODS = ['quý I', 'quý II', 'quý III', 'quý IV', 'tháng 1', 'tháng 3', 'tháng 6', 'tháng 9', 'tháng 12', 'đợt 1', 'đợt 2'];
const SENTENCES = [
  'Ủy ban nhân dân đã chỉ đạo các phòng, ban chuyên môn phối hợp chặt chẽ để triển khai {s} đúng tiến độ.',
  'Người dân có thể tra cứu thông tin, nộp hồ sơ và theo dõi kết quả trên Cổng dịch vụ công của Thành phố.',
  'Qua kiểm tra, phần lớn các đơn vị đã thực hiện nghiêm túc; một số tồn tại được yêu cầu khắc phục trước cuối {p}.',
  'Lãnh đạo đề nghị tiếp tục đẩy mạnh {s}, nâng cao chất lượng phục vụ và sự hài lòng của người dân, doanh nghiệp.',
  'Bộ phận một cửa hướng dẫn tận tình, hồ sơ được giải quyết đúng và trước hạn theo quy định.',
  'Các tổ dân phố tổ chức tuyên truyền sâu rộng, vận động nhân dân cùng tham gia hưởng ứng.',
  'Kinh phí thực hiện được bố trí từ ngân sách và nguồn xã hội hóa hợp pháp.',
  'Mọi ý kiến phản ánh, kiến nghị xin gửi về bộ phận tiếp công dân hoặc qua Cổng thông tin điện tử.',
];

const random = seededRandom;

const COLUMNS: BulkColumns = [
  ['site_id', 'bigint'], ['kind', 'text'], ['slug', 'text'], ['title', 'text'], ['summary', 'text'], ['body_html', 'text'], ['body_text', 'text'],
  ['category_id', 'bigint'], ['tags', 'text[]'], ['featured', 'boolean'], ['status', 'text'], ['publish_at', 'timestamptz'], ['document_no', 'text'],
  ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const BATCH = 2000;

export interface ArticleSeedReport {
  articles: number;
  sites: number;
  ms: number;
}

export async function seedArticles(platform: Platform, opts: { count: number; seed: number; now?: Date; onProgress?: (done: number, total: number) => void }): Promise<ArticleSeedReport> {
  const started = Date.now();
  const db = sitesDb(platform.database.db);
  const sites = await sitesRepo.listSites(db);
  const categories = new Map<number, number[]>();
  for (const s of sites) categories.set(s.id, (await sitesRepo.categories(db, s.id)).map((c) => c.id));
  const rnd = random(opts.seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = (opts.now ?? new Date()).getTime();
  const run = `${Date.now().toString(36)}${opts.seed.toString(36)}`;
  let rows: object[] = [];
  for (let i = 0; i < opts.count; i++) {
    // The city's site publishes most; every other site some.
    const site = i % 5 === 0 ? (sites.find((s) => s.kind === 'city') ?? pick(sites)) : pick(sites);
    const s = pick(SUBJECTS);
    const p = pick(PERIODS);
    const kind: ArticleKind = rnd() < 0.7 ? 'news' : rnd() < 0.6 ? 'announcement' : 'direction';
    const title = `${pick(ACTIONS)} ${s} ${p} tại ${site.name}`;
    const sentences = Array.from({ length: 4 + Math.floor(rnd() * 5) }, () => pick(SENTENCES).replace('{s}', s).replace('{p}', p));
    const text = sentences.join(' ');
    const at = new Date(now - Math.floor(rnd() * 3 * 365 * 86_400_000));
    rows.push({
      site_id: site.id,
      kind,
      slug: `${slugify(title).slice(0, 90).replace(/-+$/, '')}-${run}-${i}`,
      title,
      summary: sentences[0] ?? '',
      body_html: sentences.map((x) => `<p>${x}</p>`).join(''),
      body_text: text,
      category_id: pick(categories.get(site.id) ?? [null]),
      tags: [s],
      featured: false,
      status: 'published',
      publish_at: at.toISOString(),
      document_no: kind === 'direction' ? `${1 + Math.floor(rnd() * 900)}/UBND-VP` : null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    });
    if (rows.length === BATCH || i === opts.count - 1) {
      await insertJsonRows(platform.database.db, 'articles', COLUMNS, rows);
      rows = [];
      opts.onProgress?.(i + 1, opts.count);
    }
  }
  await sitesRepo.addWords(db, 'all');
  return { articles: opts.count, sites: sites.length, ms: Date.now() - started };
}
