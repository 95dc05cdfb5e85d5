// Bank-card day charges (TRANSPORT.md §2; taps/charges.ts): the card adapter the nightly pricing and the hourly retry
// hand each bank-card charge to. No acquirer is wired; the demo's card adapter stands in where the simulated bank does
// (demoConfirmation: PAYMENTS_PROVIDER=simulated, or unset with the demo data; never in production). It accepts every
// charge except on the test token (settings key `transit.payments.card_decline_token`, default `tok_decline_demo`), so
// the path decline → deny list → retries → paid and lifted can be shown: register a bank card with that token, ride,
// price the day (declined, on the deny list), then change the setting and the next retry pays and lifts it.
import { getSetting } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import type { CardPayments } from '../taps/index.ts';
import { demoConfirmation } from './adapter.ts';

export const DECLINE_TOKEN_SETTING = 'transit.payments.card_decline_token';
export const DEFAULT_DECLINE_TOKEN = 'tok_decline_demo';

export function demoCardPayments(platform: Platform): CardPayments {
  return {
    async charge({ mediumKey }) {
      const token = await getSetting<unknown>(platform.database.db, DECLINE_TOKEN_SETTING);
      return mediumKey === (typeof token === 'string' ? token : DEFAULT_DECLINE_TOKEN) ? 'declined' : 'paid';
    },
  };
}

/** The card adapter in use: the demo's where the simulated bank is; none elsewhere (bank-card charges then wait). */
export function cardPaymentsFor(platform: Platform): CardPayments | undefined {
  return demoConfirmation(platform) ? demoCardPayments(platform) : undefined;
}
