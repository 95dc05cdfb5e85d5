// Paying the transit centre by VietQR bank transfer (issue 15): pending payments with a reference, confirmed once by
// the bank's signed callback, a centre officer or the demo's simulated bank (migrations/0053).
export { createPayment, confirmPayment, paymentOf, paymentsOfAccount, expirePayments, newReference, REFERENCE, type Confirmation, type PaymentPurposeInput } from './service.ts';
export { paymentAdapter, vietQrAdapter, demoConfirmation, transitBankAccount, signCallback, callbackSigned, callbackText, DEMO_TRANSIT_ACCOUNT, type PaymentAdapter, type PaymentInstructions } from './adapter.ts';
export { cardPaymentsFor, demoCardPayments, DECLINE_TOKEN_SETTING, DEFAULT_DECLINE_TOKEN } from './card.ts';
export { PaymentErrors } from './errors.ts';
export type { PaymentRow, PaymentsTables, PaymentStatus, PaymentPurpose, ConfirmedVia } from './repo.ts';
