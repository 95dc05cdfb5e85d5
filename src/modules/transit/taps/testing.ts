// Test helpers: signed batches from the demo validators; clearing staff tied to their operators.
import type { SessionUser } from '../../../platform/auth/roles.ts';
import type { TestApp } from '../../../testing/app.ts';
import { validatorSecret } from '../network/index.ts';
import { mapAgencyToOperator } from './agencies.ts';
import { signBatch, type TapBatch, type TapInput } from './canonical.ts';

let n = 0;
/** A tap with a fresh id; `at` in Vietnam time, e.g. '2026-06-10T07:00:00'. */
export const tap = (mediumKey: string, at: string, direction: 'on' | 'off', stopId?: string, more: Partial<TapInput> = {}): TapInput => ({
  id: `t-${++n}-${Date.now().toString(36)}`,
  mediumKind: 'operator_card',
  mediumKey,
  at: `${at}+07:00`,
  direction,
  ...(stopId === undefined ? {} : { stopId }),
  decision: 'admit',
  ...more,
});

export async function signed(app: TestApp, validatorId: string, taps: TapInput[], sentAt = '2026-06-10T23:00:00+07:00'): Promise<TapBatch> {
  const secret = await validatorSecret(app.database.db, app.platform.secrets, validatorId);
  const b = { validatorId, sentAt, taps };
  return { ...b, signature: signBatch(secret, b) };
}

/** Ties the operator staff member's agency to the operators it clears for (as the centre's officer would). */
export async function clearsFor(app: TestApp, officer: SessionUser, operatorStaff: SessionUser, operators: string[]): Promise<void> {
  if (operatorStaff.agencyId === null) throw new Error('the operator staff member has no agency');
  for (const op of operators) await mapAgencyToOperator(app.platform, officer, operatorStaff.agencyId, op);
}
