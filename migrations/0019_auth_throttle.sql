-- Sign-in that strangers cannot turn against people (issue 10). Failed password and code checks are counted per
-- source (key 'src:<ip>'), per source and account ('pair:<ip>:<identifier>') and per account ('own:<id>', only to tell
-- the owner), never by locking the account: OWASP Authentication Cheat Sheet, "Login Throttling". A row's window
-- starts with its first failure and lasts an hour; the app processes share the counters through this table.
create table auth_throttle (
  key text primary key,
  failures int not null default 0,
  window_start timestamptz not null default now(),
  next_allowed_at timestamptz,
  notified_at timestamptz
);
create index auth_throttle_window on auth_throttle (window_start);

-- The old lock (5 failures lock the account for 15 minutes) is gone; unlock everyone it holds now.
update accounts set failed_logins = 0, locked_until = null where locked_until is not null or failed_logins > 0;
