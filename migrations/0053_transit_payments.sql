-- Issue 15, paying for transit by VietQR bank transfer and tying clearing staff to their operators.
-- transit_payments: a rider's pending payment (a top-up, or a pass with its product, route and validity) with the
-- reference the rider writes as the transfer's memo; confirmed once (the bank's signed callback, a centre officer
-- reading the statement, or the demo's simulated confirmation) it credits the balance, and for a pass buys it from
-- there, in the same transaction; unpaid after expires_at it expires and a late transfer is refused.
create table transit_payments (
  id bigint generated always as identity primary key,
  reference text not null unique check (reference ~ '^VE[0-9A-Z]{8,20}$'),
  account_id bigint not null references transit_accounts (id),
  purpose text not null check (purpose in ('top_up', 'pass')),
  amount bigint not null check (amount > 0),
  product_id text check (product_id is null or product_id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$'),
  route_id text check (route_id is null or char_length(route_id) between 1 and 64),
  valid_from date,
  valid_to date,
  adapter text not null check (char_length(adapter) between 1 and 40),
  status text not null default 'pending' check (status in ('pending', 'paid', 'expired')),
  expires_at timestamptz not null,
  confirmed_via text check (confirmed_via is null or confirmed_via in ('callback', 'officer', 'demo')),
  bank_ref text check (bank_ref is null or char_length(bank_ref) <= 100),
  ledger_id bigint references transit_ledger (id),
  pass_id bigint references transit_passes (id),
  created_by bigint references accounts (id),
  confirmed_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  constraint transit_payments_pass check ((purpose = 'pass') = (product_id is not null and valid_from is not null and valid_to is not null)),
  constraint transit_payments_paid check ((status = 'paid') = (paid_at is not null and ledger_id is not null))
);
create index transit_payments_account on transit_payments (account_id, id);
create index transit_payments_pending on transit_payments (expires_at) where status = 'pending';

-- Which operators a staff agency clears for (the published sources do not say [U], so it is data the centre keeps):
-- a transit_operator sees only the clearing of the operators of their agency.
create table transit_operator_agencies (
  agency_id bigint not null references agencies (id),
  operator_code text not null references transit_operators (code),
  created_at timestamptz not null default now(),
  primary key (agency_id, operator_code)
);
