// POST /api/v1/transit/payments/callback: the bank tells the centre a transfer reached its account (issue 15). The
// body names the reference (the transfer's memo), the amount in đồng and the bank's transaction id; the `x-signature`
// header carries HMAC-SHA256 under EGOV_TRANSIT_PAYMENT_SECRET over those three, one per line (payments/adapter.ts).
// Unsigned or forged: 401, nothing read. A repeated callback answers `already_paid` and changes nothing.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { callbackSigned, confirmPayment, PaymentErrors } from '../payments/index.ts';
import { transitSystemActor } from '../system.ts';

const str = { type: 'string' } as const;
const text = { type: 'object', properties: { vi: str, en: str }, required: ['vi', 'en'] } as const;
const error = (description: string) => ({ description, type: 'object', properties: { error: { type: 'object', properties: { code: str, status: { type: 'integer' }, message: text }, required: ['code', 'status', 'message'] } }, required: ['error'] }) as const;

const callbackSchema = {
  tags: ['transit'],
  summary: 'Xác nhận chuyển khoản từ ngân hàng / the bank confirms a transfer',
  headers: { type: 'object', properties: { 'x-signature': { type: 'string', description: 'hex HMAC-SHA256 of "reference\\namount\\nbankRef"' } } },
  body: {
    type: 'object',
    properties: { reference: { type: 'string', maxLength: 40 }, amount: { type: 'integer', minimum: 1 }, bankRef: { type: 'string', maxLength: 100 } },
    required: ['reference', 'amount', 'bankRef'],
  },
  response: {
    200: { description: 'Đã ghi nhận / recorded', type: 'object', properties: { reference: str, status: { type: 'string', enum: ['paid', 'already_paid'] } }, required: ['reference', 'status'] },
    400: error('Thân yêu cầu không hợp lệ / invalid body'),
    401: error('Chữ ký không hợp lệ / bad signature'),
    404: error('Không có mã tham chiếu / unknown reference'),
    409: error('Sai số tiền hoặc đã hết hạn / wrong amount or expired'),
  },
} as const;

export async function paymentApi(app: FastifyInstance, platform: Platform): Promise<void> {
  app.post('/api/v1/transit/payments/callback', { schema: callbackSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const secret = platform.config.transitPaymentSecret;
    if (!secret) throw PaymentErrors.CALLBACK_OFF();
    const body = (req.body ?? {}) as { reference?: unknown; amount?: unknown; bankRef?: unknown };
    const signature = req.headers['x-signature'];
    const fields = typeof body.reference === 'string' && typeof body.amount === 'number' && typeof body.bankRef === 'string' ? { reference: body.reference, amount: body.amount, bankRef: body.bankRef } : undefined;
    // The signature first: an unsigned caller learns nothing about references or amounts.
    if (!fields || typeof signature !== 'string' || !callbackSigned(secret, fields, signature)) throw PaymentErrors.BAD_SIGNATURE();
    const r = await confirmPayment(platform, await transitSystemActor(platform), { ...fields, via: 'callback' });
    return { reference: r.payment.reference, status: r.outcome === 'paid' ? 'paid' : 'already_paid' };
  });
}
