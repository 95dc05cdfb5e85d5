// Paying a dossier's fees (DOMAIN §4 "Fees": at the counter, by transfer, by post or online; integer đồng).
// Two ways online: a VietQR bank transfer with the dossier code as memo (matched by the agency's bank statement,
// which is outside this app), and a payment gateway behind the PaymentGateway interface. The simulated gateway marks
// the payment paid at once; it exists for demonstrations: it is on only with PAYMENTS_PROVIDER=simulated or, when that
// is unset, while the demo data is loaded; never in production; and only the dossier's applicant may use it.
import type { Platform } from '../../platform/http/context.ts';
import { type Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { randomToken } from '../../platform/auth/tokens.ts';
import { getSetting } from '../../platform/db/index.ts';
import { BankAccount, vietQrCode, type VietQrCode } from '../../platform/payments/vietqr.ts';
import { DossierErrors } from './errors.ts';
import { getDossier } from './read.ts';
import { dossierRepo } from './repo.ts';
import type { Dossier } from './schema.ts';
import { dossierDb } from './tables.ts';

export interface GatewayStart {
  /** 'paid': the provider confirmed at once; 'redirect': send the payer to the provider's page. */
  outcome: 'paid' | 'redirect';
  providerRef: string;
  redirectUrl?: string;
}

export interface PaymentGateway {
  readonly name: string;
  start(p: { dossierCode: string; amountDong: number; returnUrl: string }): Promise<GatewayStart>;
}

export const simulatedGateway: PaymentGateway = {
  name: 'simulated',
  async start() {
    return { outcome: 'paid', providerRef: `SIM-${randomToken(9)}` };
  },
};

/** The gateway in use (PAYMENTS_PROVIDER; unset: the simulated one with the demo data); none in production. */
export function gatewayFor(platform: Platform): PaymentGateway | undefined {
  if (platform.config.production) return undefined;
  const provider = platform.config.paymentsProvider ?? (platform.demo() ? 'simulated' : 'none');
  return provider === 'simulated' ? simulatedGateway : undefined;
}

/** Online payment is the applicant's own act: staff record counter and bank-statement payments instead. */
export function isApplicant(actor: Actor, d: Pick<Dossier, 'applicantAccountId'>): boolean {
  return actor !== null && actor.kind === 'citizen' && d.applicantAccountId !== null && actor.id === d.applicantAccountId;
}

/** The account the city collects fees on (settings key `payments.vietqr`); a demo account until configured. */
export { BankAccount, type VietQrCode };

export const DEMO_BANK_ACCOUNT: BankAccount = {
  bankBin: '970415',
  bankName: 'VietinBank',
  accountNumber: '113000000000',
  accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG TP HA NOI (DEMO)',
};

export async function feeAccount(platform: Platform): Promise<{ account: BankAccount; demo: boolean }> {
  const parsed = BankAccount.safeParse(await getSetting(platform.database.db, 'payments.vietqr'));
  return parsed.success ? { account: parsed.data, demo: false } : { account: DEMO_BANK_ACCOUNT, demo: true };
}

export function vietQrFor(account: BankAccount, d: Pick<Dossier, 'code' | 'feeTotalDong'>): Promise<VietQrCode> {
  return vietQrCode(account, d.feeTotalDong, d.code);
}

/** Pays through the gateway; the dossier's applicant only. Returns where to send the payer, if anywhere. */
export async function payOnline(platform: Platform, actor: Actor, code: string, opts: { returnUrl: string; ip?: string | null }): Promise<{ redirectUrl?: string }> {
  const dossier = await getDossier(platform, actor, code);
  if (!isApplicant(actor, dossier)) throw DossierErrors.GATEWAY_APPLICANT_ONLY();
  if (dossier.paymentStatus !== 'unpaid') throw DossierErrors.NOTHING_TO_PAY();
  const gateway = gatewayFor(platform);
  if (!gateway) throw DossierErrors.GATEWAY_UNAVAILABLE();
  const started = await gateway.start({ dossierCode: dossier.code, amountDong: dossier.feeTotalDong, returnUrl: opts.returnUrl });
  if (started.outcome === 'redirect') return started.redirectUrl ? { redirectUrl: started.redirectUrl } : {};
  await confirmPayment(platform, actor, dossier, { method: 'gateway', providerRef: started.providerRef, gateway: gateway.name, ip: opts.ip ?? null });
  return {};
}

/** Records a confirmed payment: payments row paid, dossier paid, timeline and audit, in one transaction. */
export async function confirmPayment(
  platform: Platform,
  actor: Actor,
  dossier: Dossier,
  p: { method: 'gateway' | 'vietqr' | 'counter'; providerRef: string; gateway: string; ip: string | null },
): Promise<void> {
  const now = new Date();
  await platform.database.db.transaction().execute(async (trx) => {
    const n = await dossierRepo.markPaid(dossierDb(trx), dossier.id, p.method, p.providerRef, now);
    if (n === 0) throw DossierErrors.NOTHING_TO_PAY();
    const label = actor ? actor.displayName : 'system';
    await dossierRepo.addEvent(dossierDb(trx), dossier.id, {
      actorId: actor?.id ?? null,
      actor: label,
      kind: 'paid',
      note: { amount_dong: dossier.feeTotalDong, method: p.method, gateway: p.gateway, ref: p.providerRef },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'dossiers.payment',
      entity: 'dossier',
      entityId: dossier.code,
      agencyId: dossier.agencyId,
      ip: p.ip,
      data: { amount_dong: dossier.feeTotalDong, method: p.method, gateway: p.gateway, ref: p.providerRef },
    });
  });
}
