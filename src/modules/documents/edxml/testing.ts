// Fixtures for the edXML tests: a full document with Vietnamese text and two attachments.
import { randomBytes } from 'node:crypto';
import type { EdxmlDocument } from './packet.ts';

export const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);
export const docx = Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(10_000)]);

export function sampleDocument(): EdxmlDocument {
  return {
    documentId: '000.00.01.H26,2026/03/05,125/UBND-VP',
    from: {
      id: '000.00.01.H26',
      name: 'Ủy ban nhân dân phường Hoàn Kiếm',
      inCharge: 'Ủy ban nhân dân thành phố Hà Nội',
      address: '126 phố Hàng Trống, phường Hoàn Kiếm, Hà Nội',
      email: 'ubnd.hoankiem@hanoi.gov.vn',
      phone: '024 3825 3536',
    },
    to: [
      { id: '000.00.02.H26', name: 'Sở Nội vụ thành phố Hà Nội' },
      { id: '000.00.03.H26', name: 'Sở Tư pháp thành phố Hà Nội', email: 'stp@hanoi.gov.vn' },
    ],
    numberNotation: { number: '125', notation: 'UBND-VP' },
    place: 'Hà Nội',
    date: '2026-03-05',
    type: { code: 'QĐ', name: 'Quyết định' },
    subject: 'Về việc kiện toàn Tổ công tác chuyển đổi số phường Hoàn Kiếm năm 2026 & "đợt 1" <khẩn>',
    content: 'Điều 1. Kiện toàn Tổ công tác…\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.',
    signer: { competence: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Nguyễn Thị Thu Hương' },
    dueDate: '2026-03-20',
    urgency: 'very_urgent',
    pageCount: 3,
    copies: 12,
    toPlaces: ['Như Điều 3;', 'Thường trực Đảng ủy phường;', 'Lưu: VT, VP.'],
    steeringType: 0,
    sphereOfPromulgation: 'Lưu hành nội bộ',
    typerNotation: 'NTH',
    attachments: [
      { name: 'Quyết định 125.pdf', mimeType: 'application/pdf', content: pdf, description: 'Bản chính đã ký số' },
      {
        name: 'Phụ lục danh sách tổ công tác.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: docx,
      },
    ],
  };
}
