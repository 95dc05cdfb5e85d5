// Retry schedule shared by the outboxes: when a message that failed is tried again, and when it is given up.
// An SMTP or gateway outage of up to two days loses nothing; after that the row is marked failed and stays in the
// table for the operator (docs/deploy.md, "Mail and SMS").

/** Pause before the next attempt after `attempts` failed ones: 1, 5, 15, 30 minutes, then every hour. */
export const OUTBOX_RETRY_MINUTES = [1, 5, 15, 30] as const;
export const OUTBOX_RETRY_HOURLY_MINUTES = 60;
/** A message not delivered this long after it was written is given up. */
export const OUTBOX_GIVE_UP_HOURS = 48;
/** How long a flush owns the rows it claimed; a flush that died leaves them to the next one after this. */
export const OUTBOX_LEASE_MINUTES = 10;

export function retryDelayMinutes(failedAttempts: number): number {
  return OUTBOX_RETRY_MINUTES[failedAttempts - 1] ?? OUTBOX_RETRY_HOURLY_MINUTES;
}

/**
 * When to try again after the `failedAttempts`-th failure at `now`, or null when the message is given up: the last
 * attempt is made 48 hours after the message was written, and only a failure then (or later) gives it up.
 */
export function nextAttempt(createdAt: Date, failedAttempts: number, now: Date): Date | null {
  const giveUpAt = createdAt.getTime() + OUTBOX_GIVE_UP_HOURS * 3_600_000;
  if (now.getTime() >= giveUpAt) return null;
  return new Date(Math.min(now.getTime() + retryDelayMinutes(failedAttempts) * 60_000, giveUpAt));
}
