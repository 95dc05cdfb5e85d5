-- Issue 15, taps and daily pricing (TRANSPORT.md §2): validators store and forward signed taps; the back office
-- prices each service day once per account, charges the balance or the bank card, retries declined charges and
-- clears revenue with each operator daily (§1: clearing moved from monthly to daily).

-- A tap as the validator sent it. tap_id is the validator's own id for the tap: a replay is acknowledged, not stored twice.
create table transit_taps (
  tap_id text primary key check (char_length(tap_id) between 1 and 80),
  validator_id text not null,
  operator_code text not null,
  medium_kind text not null,
  medium_key text not null check (char_length(medium_key) between 4 and 128),
  tapped_at timestamptz not null,
  received_at timestamptz not null default now(),
  direction text not null check (direction in ('on', 'off')),
  route_id text,
  stop_id text not null,
  decision text not null check (decision in ('admit', 'deny')),
  signature_ok boolean not null,
  flags text[] not null default '{}'
);
create index transit_taps_time on transit_taps (tapped_at);

-- One row per service day priced; a second run finds it and does nothing.
create table transit_day_runs (
  service_day date primary key,
  status text not null check (status in ('done')),
  taps int not null,
  accounts int not null,
  unmatched_taps int not null,
  total bigint not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz not null default now()
);

-- The priced result per account and service day: the engine's charges (rule id, amount, explanation, tap ids).
create table transit_trips (
  id bigint generated always as identity primary key,
  service_day date not null references transit_day_runs (service_day),
  account_id bigint not null references transit_accounts (id),
  operator_code text not null,
  network_id text not null,
  route_id text,
  rule_id text not null,
  amount bigint not null check (amount >= 0),
  explanation_vi text not null,
  explanation_en text not null,
  tap_ids text[] not null
);
create index transit_trips_day on transit_trips (service_day, operator_code);
create index transit_trips_account on transit_trips (account_id, service_day);

-- One charge per account per service day. A balance too low or a declined card leaves it pending or declined (debt);
-- retries follow the schemes' rule of at most 6 resubmissions in 14 days (§2).
create table transit_charges (
  id bigint generated always as identity primary key,
  service_day date not null references transit_day_runs (service_day),
  account_id bigint not null references transit_accounts (id),
  method text not null check (method in ('balance', 'bank_card', 'none')),
  medium_key text,
  amount bigint not null check (amount >= 0),
  status text not null check (status in ('pending', 'paid', 'declined', 'written_off')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  last_error text,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  unique (account_id, service_day)
);
create index transit_charges_due on transit_charges (status, next_attempt_at);

-- Per operator and service day: trips carried and revenue by rule id ({"bus-lt15": 16000, ...}).
create table transit_clearing (
  operator_code text not null,
  service_day date not null references transit_day_runs (service_day),
  trips int not null,
  revenue bigint not null,
  revenue_by_rule jsonb not null,
  primary key (operator_code, service_day)
);
