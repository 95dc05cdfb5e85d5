-- Issue 14: reminders of the self-assessment deadline (7, 3 and 1 days before) to the IT officers of units that have
-- not submitted their form. One row per cycle, unit and stage: a stage is never sent twice.
create table readiness_reminders (
  cycle_id bigint not null references readiness_cycles (id),
  agency_id bigint not null references agencies (id),
  days_before int not null check (days_before in (7, 3, 1)),
  sent_at timestamptz not null default now(),
  primary key (cycle_id, agency_id, days_before)
);
