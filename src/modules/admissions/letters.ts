// The letters a school prints for parents (issue 11 "enrolment codes … bulk issue, printable letters for parents"):
// one A5 page per child with the school, the round, the window's exact times, the enrolment code, the address to
// register at and what to do, as one PDF. The QR code in the corner opens the registration page (Circular 01/2023).
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { createPdf, drawNationalHeading, drawQrTopLeft, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import { exactTime } from './format.ts';
import { ownSchool, roundsOf } from './school.ts';
import { admissionDb } from './tables.ts';

export interface LetterChild {
  code: string;
  fullName: string;
  birthDate: string;
  personalId: string;
}

/** The children the school issued codes to in the round, by name. */
export async function schoolCodes(platform: Platform, actor: Actor, input: { schoolCode: string; roundId?: number | undefined }) {
  const { school } = await ownSchool(platform, actor, input.schoolCode);
  const db = admissionDb(platform.database.db);
  const { round } = await roundsOf(db, school, input.roundId);
  const children: LetterChild[] = await db
    .selectFrom('admission_enrolment_codes as e')
    .innerJoin('admission_children as c', 'c.id', 'e.child_id')
    .select(['e.code', 'c.full_name as fullName', 'c.birth_date as birthDate', 'c.personal_id as personalId'])
    .where('e.round_id', '=', round.id)
    .where('e.school_id', '=', school.id)
    .orderBy('c.full_name')
    .orderBy('e.code')
    .execute();
  return { school, round, children };
}

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** The last four digits only: the letter may be lost, the full ID number stays with the parent. */
const maskId = (id: string): string => `${'•'.repeat(8)}${id.slice(-4)}`;

export async function lettersPdf(platform: Platform, actor: Actor, input: { schoolCode: string; roundId?: number | undefined }): Promise<Buffer> {
  const { school, round, children } = await schoolCodes(platform, actor, input);
  const url = `${platform.config.baseUrl.replace(/\/$/, '')}/tuyen-sinh`;
  const doc = createPdf({ size: 'A5', title: `Giấy báo mã tuyển sinh – ${school.name}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const now = new Date();
  for (const [i, c] of children.entries()) {
    if (i > 0) doc.addPage();
    await drawQrTopLeft(doc, url, 16);
    drawNationalHeading(doc, { agency: school.name, place: 'Hà Nội', date: now, offsetLeft: mm(18) });
    doc.moveDown(0.5).font('serifBold').fontSize(13).text('GIẤY BÁO MÃ TUYỂN SINH', { align: 'center', width });
    doc.font('serifItalic').fontSize(9).text('Enrolment code letter', { align: 'center', width }).moveDown(0.6);
    doc.font('serif').fontSize(10.5);
    doc.text(`Kính gửi cha mẹ (người giám hộ) của trẻ: ${c.fullName}`, { width });
    doc.text(`Ngày sinh: ${dmy(c.birthDate)}    Số định danh cá nhân: ${maskId(c.personalId)}`, { width });
    doc.text(`Đợt tuyển sinh: ${round.name}`, { width });
    doc.text(`Thời gian đăng ký trực tuyến: từ ${exactTime(round.opensAt)} đến trước ${exactTime(round.closesAt)} (giờ Việt Nam).`, { width });
    doc.moveDown(0.6).font('serifBold').fontSize(11).text('Mã tuyển sinh / Enrolment code:', { width });
    doc.font('sansBold').fontSize(22).text(c.code, { width, align: 'center', characterSpacing: 2 }).moveDown(0.4);
    doc.font('serif').fontSize(10.5).text(`Đăng ký tại / Register at: ${url}`, { width });
    doc.moveDown(0.4).font('serifBold').text('Hướng dẫn', { width }).font('serif');
    const steps = [
      `1. Trong thời gian đăng ký, mở ${url}, nhập mã tuyển sinh trên và số định danh cá nhân (12 chữ số) của trẻ.`,
      '2. Chọn trường (các trường đúng tuyến hiện trước), bấm "Gửi hồ sơ" và ghi lại số hồ sơ trên trang xác nhận.',
      '3. Trong thời gian đăng ký có thể xem hồ sơ, đổi trường hoặc rút hồ sơ; không cần đăng ký ngay phút đầu.',
      '4. Sau khi công bố kết quả, đến trường theo lịch hẹn để xác nhận nhập học.',
    ];
    for (const s of steps) doc.text(s, { width });
    doc.moveDown(0.3).font('serifItalic').fontSize(9);
    doc.text(
      `In the window, open ${url}, type the code above and the child's 12-digit personal ID number, choose a school and send; keep the application number. After the results, confirm the place at the school in person.`,
      { width },
    );
    doc.text(`${school.name}, ${school.address}`, { width });
  }
  if (children.length === 0) doc.font('serif').fontSize(11).text(`${school.name}: chưa cấp mã tuyển sinh nào trong đợt này. / No codes issued in this round yet.`, { width });
  return pdfToBuffer(doc);
}
