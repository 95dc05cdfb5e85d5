-- Mail outbox: claimed rows and retry with back-off (src/platform/notify/outbox.ts, mailer.ts).
-- claimed_until: a flush that took the row owns it until then (a lease), so two flushes running at once never deliver
-- one message twice, and a row whose flush died (process killed mid-send) is taken again once the lease is over.
-- next_attempt_at: when the row may be tried again after a failure (back-off 1, 5, 15, 30 minutes, then hourly);
-- a message still undelivered 48 hours after it was written is given up ('failed').
alter table outbox_mail add column claimed_until timestamptz;
alter table outbox_mail add column next_attempt_at timestamptz not null default now();

drop index outbox_mail_pending;
create index outbox_mail_pending on outbox_mail (next_attempt_at) where status = 'pending';
