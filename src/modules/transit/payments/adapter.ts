// How a rider pays the transit centre (issue 15). A payment adapter turns a pending payment (its reference and amount)
// into what the rider's page shows; VietQR bank transfer is the one wired: the platform's own VietQR code
// (platform/payments/vietqr.ts, the same code dossier fees use) with the reference as the transfer's memo, paid to the
// centre's account (settings key `transit.payments.vietqr`, a demo account until configured).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getSetting } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { BankAccount, vietQrCode, type VietQrCode } from '../../../platform/payments/vietqr.ts';

export interface PaymentInstructions {
  account: BankAccount;
  /** The account is the demo's, not a real one (shown as such). */
  demoAccount: boolean;
  qr: VietQrCode;
}

export interface PaymentAdapter {
  readonly name: string;
  instructions(platform: Platform, p: { reference: string; amount: number }): Promise<PaymentInstructions>;
}

export const DEMO_TRANSIT_ACCOUNT: BankAccount = {
  bankBin: '970415',
  bankName: 'VietinBank',
  accountNumber: '113000000015',
  accountName: 'TRUNG TAM QUAN LY VA DIEU HANH GIAO THONG HA NOI (DEMO)',
};

export async function transitBankAccount(platform: Platform): Promise<{ account: BankAccount; demo: boolean }> {
  const parsed = BankAccount.safeParse(await getSetting(platform.database.db, 'transit.payments.vietqr'));
  return parsed.success ? { account: parsed.data, demo: false } : { account: DEMO_TRANSIT_ACCOUNT, demo: true };
}

export const vietQrAdapter: PaymentAdapter = {
  name: 'vietqr',
  async instructions(platform, p) {
    const { account, demo } = await transitBankAccount(platform);
    return { account, demoAccount: demo, qr: await vietQrCode(account, p.amount, p.reference) };
  },
};

/** The adapter in use: VietQR transfer (the only one wired; a gateway would be chosen here by configuration). */
export const paymentAdapter = (): PaymentAdapter => vietQrAdapter;

/**
 * The simulated bank confirmation: a button on the payment page for demonstrations, on only where the dossiers'
 * simulated gateway is (PAYMENTS_PROVIDER=simulated, or unset while the demo data is loaded) and never in production.
 */
export function demoConfirmation(platform: Platform): boolean {
  if (platform.config.production) return false;
  return (platform.config.paymentsProvider ?? (platform.demo() ? 'simulated' : 'none')) === 'simulated';
}

/**
 * The bank's callback (a transfer credited to the centre's account) is signed with HMAC-SHA256 under
 * EGOV_TRANSIT_PAYMENT_SECRET over this text: the reference, the amount in đồng and the bank's own transaction id,
 * one per line. The signature travels hex-encoded in the `x-signature` header.
 */
export const callbackText = (p: { reference: string; amount: number; bankRef: string }): string => `${p.reference}\n${p.amount}\n${p.bankRef}`;

export function signCallback(secret: string, p: { reference: string; amount: number; bankRef: string }): string {
  return createHmac('sha256', secret).update(callbackText(p), 'utf8').digest('hex');
}

export function callbackSigned(secret: string, p: { reference: string; amount: number; bankRef: string }, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signCallback(secret, p), 'hex'), Buffer.from(signature, 'hex'));
}
