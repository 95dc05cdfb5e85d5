// Fees the receiving agency collects itself (DOMAIN §4 "Fees": at the counter, by transfer, by post or online). The
// one-stop officer who takes the money at the counter, or finds the VietQR transfer (memo = dossier code) on the
// agency's bank statement, records it with the number of the receipt (biên lai) or of the bank transaction. The
// dossier is then paid, with a timeline row and an audit row, as an online payment would make it (payments.ts).
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { AppError, defineErrors, type FieldError } from '../../../platform/http/errors.ts';
import { confirmPayment, DossierErrors } from '../../dossiers/index.ts';
import { caseFor } from '../workflow/view.ts';

export const FEE_METHODS = ['counter', 'vietqr'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FeeErrors = defineErrors({
  NOT_COLLECTING: {
    status: 403,
    vi: 'Chỉ cán bộ một cửa của cơ quan tiếp nhận hồ sơ được ghi nhận việc thu phí, lệ phí.',
    en: 'Only a one-stop officer of the agency that received the dossier may record fees collected.',
  },
  INVALID_FEE: {
    status: 400,
    vi: 'Thông tin thu phí chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The fee details are not valid. Please correct the errors listed.',
  },
});

const REF_MAX = 40;

/** Whether this officer collects the fees of this dossier: a one-stop officer of the agency that received it. */
export function collectsFees(rel: { receiving: boolean }, roles: readonly string[]): boolean {
  return rel.receiving && roles.includes(Role.oneStopOfficer);
}

function parse(input: { method: unknown; reference: unknown }): { method: FeeMethod; reference: string } {
  const fields: FieldError[] = [];
  const method = typeof input.method === 'string' && (FEE_METHODS as readonly string[]).includes(input.method) ? (input.method as FeeMethod) : null;
  if (!method) fields.push({ field: 'method', message: { vi: 'Chọn hình thức thu.', en: 'Choose how the fee was paid.' } });
  const reference = typeof input.reference === 'string' ? input.reference.normalize('NFC').trim() : '';
  if (reference === '') {
    fields.push({ field: 'reference', message: { vi: 'Nhập số biên lai hoặc mã giao dịch.', en: 'Enter the receipt number or the transaction reference.' } });
  } else if (reference.length > REF_MAX || /\p{Cc}/u.test(reference)) {
    fields.push({
      field: 'reference',
      message: { vi: `Số biên lai hoặc mã giao dịch dài tối đa ${REF_MAX} ký tự, trên một dòng.`, en: `The receipt number or reference is at most ${REF_MAX} characters on one line.` },
    });
  }
  if (fields.length > 0 || !method) throw FeeErrors.INVALID_FEE({ fields });
  return { method, reference };
}

/** Records the dossier's fees as collected; refused (nothing changes) unless collectsFees, unpaid and valid input. */
export async function recordFeesCollected(
  platform: Platform,
  actor: Actor,
  code: string,
  input: { method: unknown; reference: unknown },
  opts: { ip?: string | null } = {},
): Promise<void> {
  const user = requireStaff(actor);
  const { c, relation } = await caseFor(platform, user, code);
  if (!collectsFees(relation, user.roles)) throw FeeErrors.NOT_COLLECTING();
  if (c.paymentStatus !== 'unpaid') throw DossierErrors.NOTHING_TO_PAY();
  const { method, reference } = parse(input);
  await confirmPayment(platform, user, c, { method, providerRef: reference, gateway: method === 'counter' ? 'counter' : 'bank-statement', ip: opts.ip ?? null });
}

export function isFeeFormError(err: unknown): err is AppError {
  return err instanceof AppError && (err.code === 'INVALID_FEE' || err.code === 'NOTHING_TO_PAY' || err.code === 'NOT_COLLECTING');
}
