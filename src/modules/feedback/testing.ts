// Test helpers of citizen feedback: the form posted as a browser does (multipart, with photos and the solved
// captcha), the sender's lookup and the staff accounts of the tests.
import type { LightMyRequestResponse } from 'fastify';
import { decodeChallenge, solveChallenge } from '../../platform/auth/pow.ts';
import type { TestApp, TestClient } from '../../testing/app.ts';
import { solidPng } from './png.ts';

export { solidPng };

export interface Photo {
  name: string;
  type: string;
  content: Buffer;
}

export const FORM = {
  category: 'place',
  subcategory: 'road_lighting',
  title: 'Đèn đường hỏng ở phố Hàng Bài',
  description: 'Hai cột đèn không sáng.\nBuổi tối rất tối.',
  unitCode: '00070',
  address: 'Số 5 Hàng Bài',
  senderName: 'Nguyễn Thị Hoa',
  phone: '0912 345 678',
  email: 'hoa@example.vn',
};

export function multipart(fields: Record<string, string>, photos: readonly Photo[]): { body: Buffer; type: string } {
  const b = 'egovfeedback7f3a';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  for (const p of photos) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="files.photos"; filename="${p.name}"\r\nContent-Type: ${p.type}\r\n\r\n`, 'utf8'), p.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
}

/**
 * Opens the form, solves its captcha (unless `proof` says otherwise) and posts `fields` with `photos`. `proof`:
 * 'solve' (default), 'none' (no challenge sent) or a [challenge, number] pair to send as it is (a replay).
 */
export async function sendForm(app: TestApp, c: TestClient, fields: Record<string, string>, photos: readonly Photo[] = [], proof: 'solve' | 'none' | [string, string] = 'solve'): Promise<{ res: LightMyRequestResponse; proof: [string, string] }> {
  const page = await c.get('/phan-anh-kien-nghi/gui');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const challenge = /name="altcha_challenge" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const pair: [string, string] = Array.isArray(proof) ? proof : [challenge, String(solveChallenge(decodeChallenge(challenge)))];
  const captcha: Record<string, string> = proof === 'none' ? {} : { altcha_challenge: pair[0], altcha_number: pair[1] };
  const { body, type } = multipart({ _csrf: csrf, ...captcha, ...fields }, photos);
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.server.inject({ method: 'POST', url: '/phan-anh-kien-nghi/gui', remoteAddress: c.ip, headers: { cookie, 'content-type': type }, payload: body });
  return { res, proof: pair };
}

export const codeIn = (html: string): string => /id="tracking-code"[^>]*>(PA-\d{4}-\d{6})</.exec(html)?.[1] ?? '';
