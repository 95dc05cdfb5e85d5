// Demo data (demo seed only): on Phường Hoàn Kiếm's site, a few published comments under its latest articles and two
// waiting in its moderation queue (demo.bientap, editor and moderator of the ward, deals with them). Idempotent: a
// site that has comments gets none.
import type { Platform } from '../../platform/http/context.ts';
import { findSite, latestArticles } from '../sites/index.ts';
import { type Comment, commentsDb, commentsRepo } from './repo.ts';
import { addressHash } from './service.ts';

export const DEMO_SITE = 'phuong-hoan-kiem';

const PUBLISHED: readonly Pick<Comment, 'name' | 'title' | 'body'>[] = [
  { name: 'Nguyễn Văn Bình', title: 'Cảm ơn phường', body: 'Thông tin rõ ràng, dễ hiểu. Mong phường tiếp tục đăng lịch cụ thể để người dân sắp xếp thời gian.' },
  { name: 'Trần Thị Thu', title: 'Đề nghị thêm giờ làm việc', body: 'Đề nghị bộ phận một cửa làm việc thêm sáng thứ Bảy để người đi làm giờ hành chính có thể đến nộp hồ sơ.' },
  { name: 'Lê Minh Hoàng', title: 'Rất thiết thực', body: 'Hoạt động rất thiết thực.\nGia đình tôi sẽ tham gia cùng tổ dân phố.' },
];
const PENDING: readonly Pick<Comment, 'name' | 'phone' | 'title' | 'body'>[] = [
  { name: 'Phạm Thị Lan', phone: '+84912345678', title: 'Hỏi về thủ tục', body: 'Cho tôi hỏi nộp hồ sơ trực tuyến thì bao lâu nhận được kết quả?' },
  { name: 'Vũ Đức Anh', phone: null, title: 'Góp ý vệ sinh môi trường', body: 'Khu vực đầu ngõ 12 thường xuyên có rác tồn đọng vào buổi tối, đề nghị phường kiểm tra.' },
];

export async function seedCommentsDemo(platform: Platform, now = new Date()): Promise<void> {
  const site = await findSite(platform, DEMO_SITE);
  if (!site) return;
  const db = commentsDb(platform.database.db);
  if ((await commentsRepo.countSite(db, site.id)) > 0) return;
  const articles = await latestArticles(platform, site, 3, now);
  const first = articles[0];
  if (!first) return;
  const hash = (n: number) => addressHash(platform.database.db, `192.0.2.${n}`);
  for (const [i, c] of PUBLISHED.entries()) {
    const article = articles[i % 2] ?? first;
    const at = new Date(now.getTime() - (PUBLISHED.length - i) * 3_600_000);
    await commentsRepo.insert(db, { site_id: site.id, article_id: article.id, ...c, phone: null, status: 'published', ip_hash: await hash(i + 1), published_at: at });
  }
  for (const [i, c] of PENDING.entries()) {
    await commentsRepo.insert(db, { site_id: site.id, article_id: first.id, ...c, status: 'pending', ip_hash: await hash(i + 10), published_at: null });
  }
}
