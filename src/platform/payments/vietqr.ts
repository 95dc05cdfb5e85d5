// VietQR payment codes (NAPAS 247 over EMVCo QR Code Specification for Payment Systems, merchant-presented):
// a bank app scanning it pre-fills the account, the amount and the memo (the dossier code).
// Each field is ID (2 digits) + length (2 digits) + value; the last field is a CRC-16/CCITT-FALSE.
// One source for every VietQR the platform shows: dossier fees (modules/dossiers/payments.ts) and transit top-ups and
// passes (modules/transit/payments) render theirs through vietQrCode below.
import QRCode from 'qrcode';
import { z } from 'zod';

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo requires for field 63. */
export function crc16(s: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export interface VietQrInput {
  /** 6-digit NAPAS bank identification number of the beneficiary's bank (e.g. 970415 VietinBank). */
  bankBin: string;
  accountNumber: string;
  /** Integer đồng; omit for a static code where the payer types the amount. */
  amountDong?: number;
  /** Memo shown in the transfer; ASCII only (bank apps drop diacritics), at most 50 characters here. */
  memo?: string;
}

/** Folds a memo to the characters every bank app accepts. */
export function memoAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 50);
}

export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new RangeError('bankBin must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new RangeError('accountNumber must be 1–19 letters or digits');
  if (input.amountDong !== undefined && (!Number.isInteger(input.amountDong) || input.amountDong <= 0)) {
    throw new RangeError('amountDong must be a positive integer');
  }
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  let s = tlv('00', '01') + tlv('01', input.amountDong ? '12' : '11') + tlv('38', merchant) + tlv('53', '704');
  if (input.amountDong) s += tlv('54', String(input.amountDong));
  s += tlv('58', 'VN');
  if (input.memo) s += tlv('62', tlv('08', memoAscii(input.memo)));
  s += '6304';
  return s + crc16(s);
}

/** Reads a payload back into its fields (for tests and for checking codes printed by others). */
export function parseEmv(payload: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || Number.isNaN(len)) throw new Error(`malformed EMV field at ${i}`);
    out.set(id, payload.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

/** A beneficiary account as configured in settings (`payments.vietqr` for fees, `transit.payments.vietqr` for transit). */
export const BankAccount = z.object({
  bankBin: z.string().regex(/^\d{6}$/),
  bankName: z.string().min(1),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/),
  accountName: z.string().min(1),
});
export type BankAccount = z.infer<typeof BankAccount>;

export interface VietQrCode {
  payload: string;
  /** data: URL of the QR code as SVG, for an <img> (the CSP allows img-src data:). */
  svgDataUrl: string;
}

/** The code a bank app scans to pay `amountDong` to `account` with `memo`, and its picture. */
export async function vietQrCode(account: Pick<BankAccount, 'bankBin' | 'accountNumber'>, amountDong: number, memo: string): Promise<VietQrCode> {
  const payload = vietQrPayload({ bankBin: account.bankBin, accountNumber: account.accountNumber, amountDong, memo });
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { payload, svgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
