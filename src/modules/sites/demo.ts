// Demo data (demo seed only): a year of news on the city's site and on three ward sites, with announcements and
// direction documents, and on Phường Hoàn Kiếm's site one article in each editorial state (a draft, one awaiting
// review, one scheduled, one unpublished) so a visitor can walk the workflow to the end. Idempotent.
import type { Platform } from '../../platform/http/context.ts';
import { richTextToPlain, sanitizeRichText } from '../../platform/text/rich-text.ts';
import { slugify } from '../../platform/text/slug.ts';
import { type ArticleKind, type ArticleStatus, type Site, sitesDb, sitesRepo } from './repo.ts';
import { CITY_SLUG } from './seed.ts';

export const DEMO_WARD_SLUG = 'phuong-hoan-kiem';
const DEMO_SITES = [CITY_SLUG, DEMO_WARD_SLUG, 'phuong-ba-dinh', 'phuong-cua-nam'];

const TOPICS: readonly { title: string; body: string; cat: number; tags: string[] }[] = [
  { title: 'Hội nghị giao ban công tác cải cách hành chính {q}', body: 'Hội nghị đánh giá kết quả giải quyết hồ sơ trực tuyến, tỷ lệ hồ sơ đúng hạn và các giải pháp nâng cao sự hài lòng của người dân.', cat: 2, tags: ['cải cách hành chính'] },
  { title: 'Ra quân tổng vệ sinh môi trường, chỉnh trang đô thị {q}', body: 'Cán bộ, đoàn viên và nhân dân cùng thu gom rác thải, khơi thông cống rãnh, chỉnh trang vỉa hè trên các tuyến phố.', cat: 1, tags: ['môi trường', 'đô thị'] },
  { title: 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công {q}', body: 'Người dân có thể nộp hồ sơ, theo dõi tiến độ và nhận kết quả trực tuyến; bộ phận một cửa hỗ trợ tại quầy trong giờ hành chính.', cat: 3, tags: ['dịch vụ công', 'chuyển đổi số'] },
  { title: 'Kết quả phát triển kinh tế – xã hội {q}', body: 'Thu ngân sách đạt kế hoạch, các chương trình an sinh xã hội được triển khai đầy đủ, đời sống nhân dân ổn định.', cat: 1, tags: ['kinh tế'] },
  { title: 'Tập huấn kỹ năng số cho cán bộ, công chức {q}', body: 'Lớp tập huấn giúp cán bộ sử dụng thành thạo hệ thống quản lý văn bản, chữ ký số và dịch vụ công trực tuyến.', cat: 3, tags: ['chuyển đổi số', 'đào tạo'] },
  { title: 'Tiếp công dân định kỳ và giải quyết kiến nghị {q}', body: 'Lãnh đạo tiếp công dân, lắng nghe và giải quyết các kiến nghị về đất đai, trật tự xây dựng và an sinh xã hội.', cat: 0, tags: ['tiếp công dân'] },
];

const QUARTERS = ['quý I', 'quý II', 'quý III', 'quý IV'];

function paragraphs(text: string, site: Site): string {
  return sanitizeRichText(`<p>${text}</p><p>Thông tin chi tiết liên hệ ${site.name}.</p>`);
}

export async function seedSitesDemo(platform: Platform, now = new Date()): Promise<void> {
  const db = sitesDb(platform.database.db);
  for (const [si, slug] of DEMO_SITES.entries()) {
    const site = await sitesRepo.findSiteBySlug(db, slug);
    if (!site) continue;
    if ((await sitesRepo.listForEditors(db, site.id, 1)).length > 0) continue;
    const categories = await sitesRepo.categories(db, site.id);
    const perSite = slug === CITY_SLUG ? 52 : 24;
    const rows: { kind: ArticleKind; title: string; body: string; cat: number; tags: string[]; status: ArticleStatus; at: Date; featured: boolean; docNo?: string }[] = [];
    for (let i = 0; i < perSite; i++) {
      const topic = TOPICS[(i + si) % TOPICS.length] as (typeof TOPICS)[number];
      // Spread over the past year, newest first.
      const at = new Date(now.getTime() - Math.round(((i + 0.5) * 365) / perSite) * 86_400_000);
      const q = `${QUARTERS[Math.floor(((at.getUTCMonth() + 12) % 12) / 3)]} năm ${at.getUTCFullYear()}`;
      const kind: ArticleKind = i % 6 === 4 ? 'announcement' : i % 9 === 7 ? 'direction' : 'news';
      rows.push({ kind, title: topic.title.replace('{q}', q), body: topic.body, cat: topic.cat, tags: topic.tags, status: 'published', at, featured: i < 2, ...(kind === 'direction' ? { docNo: `${100 + i}/UBND-VP` } : {}) });
    }
    if (slug === DEMO_WARD_SLUG) {
      const soon = new Date(now.getTime() + 3 * 86_400_000);
      rows.push(
        { kind: 'news', title: 'Bản nháp: lịch tiếp công dân tháng tới', body: 'Dự thảo lịch tiếp công dân, chờ hoàn thiện.', cat: 0, tags: [], status: 'draft', at: now, featured: false },
        { kind: 'announcement', title: 'Thông báo lịch cắt điện để sửa chữa lưới điện', body: 'Chờ lãnh đạo duyệt trước khi đăng.', cat: 0, tags: ['thông báo'], status: 'review', at: now, featured: false },
        { kind: 'news', title: 'Khai mạc hội chợ sản phẩm làng nghề (hẹn giờ)', body: 'Bài viết được hẹn giờ xuất bản.', cat: 1, tags: ['sự kiện'], status: 'published', at: soon, featured: false },
        { kind: 'news', title: 'Thông tin đã gỡ: thay đổi địa điểm họp', body: 'Bài viết đã được gỡ khỏi trang.', cat: 0, tags: [], status: 'unpublished', at: now, featured: false },
      );
    }
    const used = new Set<string>();
    for (const r of rows) {
      let s = slugify(r.title).slice(0, 100).replace(/-+$/, '');
      for (let n = 2; used.has(s); n++) s = `${s.replace(/-\d+$/, '')}-${n}`;
      used.add(s);
      const a = await sitesRepo.insertArticle(db, {
        kind: r.kind,
        slug: s,
        title: r.title,
        summary: r.body,
        body_html: paragraphs(r.body, site),
        body_text: richTextToPlain(paragraphs(r.body, site)),
        category_id: categories[r.cat]?.id ?? null,
        tags: r.tags,
        featured: r.featured,
        document_no: r.docNo ?? null,
        document_date: r.docNo ? r.at.toISOString().slice(0, 10) : null,
        signer: r.docNo ? 'Chủ tịch Ủy ban nhân dân' : null,
        site_id: site.id,
        status: 'draft',
        created_by: null,
      });
      const publishAt = r.status === 'draft' || r.status === 'review' ? null : r.at;
      await sitesRepo.backdate(db, a.id, { status: r.status, publish_at: publishAt, at: r.at });
      if (r.status === 'published') await sitesRepo.addWords(db, [a.id]);
      await sitesRepo.insertRevision(db, { article_id: a.id, version: 1, title: a.title, summary: a.summary, body_html: a.body_html, status: r.status, actor_id: null, actor_label: 'demo', note: '' });
    }
  }
}
