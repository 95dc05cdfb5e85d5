-- Issue 15, disputes on priced trips (TRANSPORT.md §2: the price is computed centrally, so the rider must be able to
-- question it): a rider files a reason against one trip; the centre's officer rejects it with a reason or refunds up to
-- the trip's price through the balance ledger. One open dispute per trip; a refunded trip takes no further dispute.
create table transit_disputes (
  id bigint generated always as identity primary key,
  trip_id bigint not null references transit_trips (id),
  account_id bigint not null references transit_accounts (id),
  reason text not null check (char_length(reason) between 1 and 1000),
  status text not null default 'open' check (status in ('open', 'answered', 'refunded', 'rejected')),
  answer text check (answer is null or char_length(answer) <= 1000),
  refund_amount bigint check (refund_amount is null or refund_amount > 0),
  ledger_id bigint references transit_ledger (id),
  filed_by bigint not null references accounts (id),
  answered_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  constraint transit_disputes_refund check ((status = 'refunded') = (refund_amount is not null))
);
create unique index transit_disputes_one_open on transit_disputes (trip_id) where status = 'open';
create unique index transit_disputes_one_refund on transit_disputes (trip_id) where status = 'refunded';
create index transit_disputes_account on transit_disputes (account_id, id);
create index transit_disputes_status on transit_disputes (status, id);
