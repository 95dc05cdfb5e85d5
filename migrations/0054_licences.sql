-- Issue 16, the driving-licence registry (TRANSPORT.md §4; Law 36/2024/QH15 Art. 57–58): licences with their class
-- (a class of the law, or an old class as printed with old = true), validity and status; the 12-point record as
-- events (deductions by penalty decision, a knowledge test passed) with the current points cached on the licence;
-- a random verify token per licence for the e-licence's QR code (never the number). The rules live in
-- src/modules/licences/rules/; the database keeps what it can check on its own.

-- The licence officer: looks up licences, imports them, records deductions and tests. Every existing role is kept.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office',
                  'readiness_reporter', 'readiness_reviewer', 'readiness_council', 'training_manager', 'school_it',
                  'transit_officer', 'transit_operator', 'licence_officer'));

create table licences (
  id bigint generated always as identity primary key,
  -- 12 digits, the first two the issuing province (rules/number.ts).
  number text not null unique check (number ~ '^[0-9]{12}$'),
  holder_pin text not null check (holder_pin ~ '^[0-9]{12}$'),
  full_name text not null check (char_length(full_name) between 2 and 120),
  birth_date date not null,
  licence_class text not null,
  old boolean not null default false,
  issued_on date not null,
  -- Null: the class does not expire (A1, A, B1).
  expires_on date,
  province_code text not null,
  status text not null default 'valid' check (status in ('valid', 'revoked', 'replaced')),
  restriction text check (restriction is null or char_length(restriction) <= 500),
  -- pointsOn(events, points_as_of) of rules/points.ts, written by the service in the transaction of each event and
  -- by recomputePoints (time alone restores points 12 months after a deduction).
  points smallint not null default 12 check (points between 0 and 12),
  points_as_of date,
  verify_token text not null unique check (verify_token ~ '^[A-Za-z0-9_-]{22,64}$'),
  imported_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  constraint licences_class check (
    (not old and licence_class in ('A1', 'A', 'B1', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE'))
    or (old and licence_class in ('A1', 'A2', 'A3', 'A4', 'B1', 'B1-AT', 'B2', 'C', 'D', 'E', 'FB2', 'FC', 'FD', 'FE'))),
  constraint licences_province check (province_code = left(number, 2)),
  constraint licences_dates check (expires_on is null or expires_on > issued_on),
  constraint licences_birth check (birth_date < issued_on)
-- Room on each page for the nightly recompute's new row versions: points is in no index, so they stay HOT updates
-- (no index entry written) when the page has space.
) with (fillfactor = 90);
create index licences_holder on licences (holder_pin);

create table licence_points_events (
  id bigint generated always as identity primary key,
  licence_id bigint not null references licences (id),
  kind text not null check (kind in ('deduction', 'test_passed')),
  -- The day the penalty decision takes effect, or the day of the test.
  effective_on date not null,
  points smallint,
  -- The penalty decision's number (one deduction per decision and licence).
  decision text check (decision is null or char_length(decision) between 1 and 60),
  recorded_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  constraint licence_points_deduction check (
    (kind = 'deduction' and points in (2, 4, 6, 10) and decision is not null)
    or (kind = 'test_passed' and points is null)),
  unique (licence_id, decision)
);
create index licence_points_events_licence on licence_points_events (licence_id, effective_on);
