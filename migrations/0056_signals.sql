-- Issue 16, the traffic-signal centre's registry (TRANSPORT.md §3; NTCIP 1202 terms): the intersections (the id is
-- the controller's id on the MQTT link), their timing plans as numbered versions (the TimingPlan of
-- src/modules/signals/plan/types.ts as jsonb; the newest version is the current plan), the time-of-day schedule (a
-- day plan's actions: from a time of day, a pattern), the coordinated corridors (their intersections ordered by metres
-- along), and every plan sent to a controller with its outcome. The plan's consistency is checked by checkPlan before
-- it is saved or sent; the database keeps what it can check on its own.

create table signal_corridors (
  id bigint generated always as identity primary key,
  name text not null unique check (char_length(name) between 1 and 120),
  -- The progression speed and the common cycle of the green wave, as last coordinated.
  speed_kmh smallint not null check (speed_kmh between 10 and 90),
  cycle smallint not null check (cycle between 30 and 240),
  created_at timestamptz not null default now()
);

create table signal_intersections (
  id text primary key check (id ~ '^[A-Za-z0-9._-]{1,64}$'),
  name text not null check (char_length(name) between 1 and 200),
  lat double precision not null check (lat between -90 and 90),
  lon double precision not null check (lon between -180 and 180),
  corridor_id bigint references signal_corridors (id),
  -- Metres along the corridor from its first intersection (the order of the corridor).
  along_m integer check (along_m >= 0),
  -- The controller's mode (NTCIP 1202 unit control: fixed time, actuated, adaptive, free, flash).
  mode text not null default 'fixed' check (mode in ('fixed', 'actuated', 'adaptive', 'free', 'flash')),
  created_at timestamptz not null default now(),
  constraint signal_intersections_corridor check ((corridor_id is null) = (along_m is null))
);
create index signal_intersections_corridor on signal_intersections (corridor_id, along_m);

create table signal_plans (
  id bigint generated always as identity primary key,
  intersection_id text not null references signal_intersections (id),
  version integer not null check (version >= 1),
  -- patternNumber 1–253 (254 free and 255 flash are statuses, not plans).
  pattern smallint not null check (pattern between 1 and 253),
  cycle smallint not null check (cycle between 30 and 240),
  plan jsonb not null,
  source text not null check (source in ('seed', 'webster', 'corridor', 'priority', 'manual')),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  unique (intersection_id, version)
);

create table signal_schedule (
  intersection_id text not null references signal_intersections (id),
  -- The day plan (NTCIP dayPlanNumber) and one of its actions: from this minute of the day, this pattern (254 free,
  -- 255 flash).
  day_plan smallint not null default 1 check (day_plan between 1 and 255),
  starts_minute smallint not null check (starts_minute between 0 and 1439),
  pattern smallint not null check (pattern between 1 and 255),
  primary key (intersection_id, day_plan, starts_minute)
);

create table signal_sends (
  id bigint generated always as identity primary key,
  intersection_id text not null references signal_intersections (id),
  plan_id bigint not null references signal_plans (id),
  -- The version the centre sent the plan at (what the controller reports running once it confirms).
  sent_version bigint,
  outcome text not null check (outcome in ('confirmed', 'refused', 'rolled-back', 'invalid')),
  problems jsonb not null default '[]',
  sent_by bigint references accounts (id),
  sent_at timestamptz not null default now()
);
create index signal_sends_intersection on signal_sends (intersection_id, id desc);
