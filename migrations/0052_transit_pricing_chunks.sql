-- Issue 15, pricing a service day in chunks of accounts (docs/transit.md): the day's run row is written first as
-- 'running' (trips and charges reference it), each chunk of accounts commits its trips, charges, ledger rows and audit
-- rows together, and the last step marks the day 'done' with its totals and clearing. A crash leaves the day
-- 'running'; a re-run prices only the accounts without a charge for the day (one charge per account and day).
alter table transit_day_runs drop constraint if exists transit_day_runs_status_check;
alter table transit_day_runs add constraint transit_day_runs_status_check check (status in ('running', 'done'));

-- A chunk reads its accounts' taps by medium: from the account's media to their taps of the day.
create index transit_taps_medium on transit_taps (medium_key, tapped_at);

-- A day's balance charge is taken once: its ledger row names the charge ("transit day YYYY-MM-DD #<charge id>"), and
-- a second row with the same reference is refused, whatever path a retry takes.
create unique index transit_ledger_day_charge on transit_ledger (reference) where kind = 'charge' and reference like 'transit day %';
