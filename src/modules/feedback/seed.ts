// Demo feedback (demo seed only): thirty cases in every state (received, assigned, overdue, answered on time and late,
// published, rated, rejected) over several wards, some with photos. Idempotent: nothing is added once a case exists.
import type { Platform } from '../../platform/http/context.ts';
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import { sha256Of } from '../../platform/files/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { attachmentStore, recordStoredFiles } from '../dossiers/index.ts';
import { listAgencies } from '../units/index.ts';
import { feedbackCode } from './code.ts';
import { type CasePatch, feedbackDb, feedbackRepo } from './repo.ts';
import { solidPng } from './png.ts';
import { type Category, DEFAULT_ANSWER_WORKING_DAYS, type FeedbackStatus } from './schema.ts';

const TOPICS: { category: Category; sub: string; title: string; text: string }[] = [
  { category: 'place', sub: 'road_lighting', title: 'Đèn đường không sáng', text: 'Ba cột đèn trên đoạn phố này không sáng từ hai tuần nay, buổi tối rất tối và nguy hiểm.' },
  { category: 'place', sub: 'waste_environment', title: 'Rác thải tồn đọng', text: 'Điểm tập kết rác không được thu gom đúng giờ, bốc mùi và tràn ra lòng đường.' },
  { category: 'place', sub: 'public_order', title: 'Lấn chiếm vỉa hè', text: 'Các quán ăn bày bàn ghế kín vỉa hè, người đi bộ phải đi xuống lòng đường.' },
  { category: 'service', sub: 'late_handling', title: 'Hồ sơ giải quyết chậm', text: 'Hồ sơ đăng ký của tôi đã quá hẹn trả kết quả nhưng chưa nhận được thông báo.' },
  { category: 'service', sub: 'staff_conduct', title: 'Thái độ tiếp dân', text: 'Cán bộ tại quầy trả lời cộc lốc, không hướng dẫn rõ giấy tờ cần bổ sung.' },
  { category: 'regulation', sub: 'document_request', title: 'Yêu cầu thêm giấy tờ', text: 'Tôi được yêu cầu nộp bản sao có chứng thực dù thủ tục chỉ cần bản chụp.' },
  { category: 'regulation', sub: 'fee_rule', title: 'Hỏi về lệ phí', text: 'Đề nghị cho biết mức lệ phí đúng của thủ tục này và căn cứ áp dụng.' },
  { category: 'service', sub: 'online_service', title: 'Lỗi nộp hồ sơ trực tuyến', text: 'Cổng dịch vụ công báo lỗi khi tải tệp đính kèm, tôi không nộp được hồ sơ.' },
];
const NAMES = ['Nguyễn Thị Hoa', 'Trần Văn Nam', 'Lê Thu Trang', 'Phạm Minh Đức', 'Hoàng Anh Tuấn', 'Vũ Thị Mai'];
const COLOURS: [number, number, number][] = [[11, 79, 156], [0, 112, 60], [163, 22, 26]];

/** The state of each demo case and how many days ago it was sent. */
const PLAN: { status: FeedbackStatus | 'late' | 'overdue' | 'rated'; ago: number }[] = [
  ...[1, 2, 3, 4, 6].map((ago) => ({ status: 'received' as const, ago })),
  ...[3, 5, 8, 9].map((ago) => ({ status: 'assigned' as const, ago })),
  ...[25, 30, 40].map((ago) => ({ status: 'overdue' as const, ago })),
  ...[10, 12, 15, 18].map((ago) => ({ status: 'answered' as const, ago })),
  ...[35, 45].map((ago) => ({ status: 'late' as const, ago })),
  ...[20, 22, 26, 28, 33, 50].map((ago) => ({ status: 'published' as const, ago })),
  ...[16, 24, 38, 42].map((ago) => ({ status: 'rated' as const, ago })),
  ...[7, 11].map((ago) => ({ status: 'rejected' as const, ago })),
];

export async function seedDemoFeedback(platform: Platform, now = new Date()): Promise<void> {
  const db = platform.database.db;
  if (await feedbackRepo.any(feedbackDb(db))) return;
  const wards = (await listAgencies(db, { kind: 'commune_committee' })).filter((a) => ['000.04.51.H26', '000.01.51.H26', '000.05.51.H26', '000.02.51.H26'].includes(a.code));
  if (wards.length === 0) return;
  const calendar = await getWorkCalendar(platform);
  const photos = COLOURS.map((c) => solidPng(24, 16, c));
  for (const p of photos) await attachmentStore(platform).put(p);
  await db.transaction().execute(async (trx) => {
    const fdb = feedbackDb(trx);
    await recordStoredFiles(trx, photos.map((p) => ({ sha256: sha256Of(p), size: p.length, mime: 'image/png' })));
    for (const [i, plan] of PLAN.entries()) {
      const topic = TOPICS[i % TOPICS.length] ?? TOPICS[0];
      const ward = wards[i % wards.length] ?? wards[0];
      if (!topic || !ward) continue;
      const sent = new Date(now.getTime() - plan.ago * 86_400_000);
      const row = await feedbackRepo.insert(fdb, {
        code: feedbackCode(await feedbackRepo.nextNumber(fdb), sent),
        category: topic.category,
        subcategory: topic.sub,
        title: topic.title,
        description: topic.text,
        unit_code: ward.unitCode,
        address: `Số ${10 + i} phố mẫu`,
        sender_name: NAMES[i % NAMES.length] ?? 'Người gửi',
        sender_phone: `+8491200${String(1000 + i)}`,
        sender_email: i % 2 === 0 ? `nguoigui${i}@example.vn` : null,
        account_id: null,
        created_at: sent,
      });
      await feedbackRepo.addEvent(fdb, row.id, 'received', sent);
      if (i % 3 === 0) await feedbackRepo.addPhotos(fdb, row.id, [{ mime: 'image/png', size: photos[i % 3]?.length ?? 0, sha256: sha256Of(photos[i % 3] ?? Buffer.alloc(0)) }]);
      if (plan.status === 'received') continue;
      const at = (days: number): Date => new Date(sent.getTime() + days * 86_400_000);
      if (plan.status === 'rejected') {
        await feedbackRepo.update(fdb, row.id, { status: 'rejected', reject_reason: 'Nội dung không thuộc phạm vi tiếp nhận phản ánh, kiến nghị về quy định hành chính.' });
        await feedbackRepo.addEvent(fdb, row.id, 'rejected', at(1));
        continue;
      }
      const assignedAt = at(1);
      const due = calendar.addWorkingDays(vietnamDateOf(assignedAt), DEFAULT_ANSWER_WORKING_DAYS);
      const patch: CasePatch = { status: 'assigned', agency_id: ward.id, assigned_at: assignedAt, due_date: due };
      await feedbackRepo.addEvent(fdb, row.id, 'assigned', assignedAt);
      if (plan.status !== 'assigned' && plan.status !== 'overdue') {
        // Answered a week after assignment, or (late) three days after the due date.
        const answeredAt = plan.status === 'late' ? new Date(`${addDays(due, 3)}T09:00:00+07:00`) : at(8);
        Object.assign(patch, { status: 'answered', answered_at: answeredAt, answer: `Cơ quan đã kiểm tra hiện trường và xử lý: ${topic.title.toLowerCase()} đã được khắc phục. Cảm ơn bạn đã phản ánh.` });
        await feedbackRepo.addEvent(fdb, row.id, 'answered', answeredAt);
        if (plan.status === 'published' || plan.status === 'rated' || plan.status === 'late') {
          Object.assign(patch, { status: 'published', published: true, published_at: at(9) });
          await feedbackRepo.addEvent(fdb, row.id, 'published', at(9));
        }
        if (plan.status === 'rated') {
          Object.assign(patch, { status: 'closed', rating: 3 + (i % 3), rating_comment: 'Đã được giải quyết.', rated_at: at(10) });
          await feedbackRepo.addEvent(fdb, row.id, 'closed', at(10));
        }
      }
      await feedbackRepo.update(fdb, row.id, patch);
    }
  });
}
