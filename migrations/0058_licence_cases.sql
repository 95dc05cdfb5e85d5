-- Issue 16, the driving-licence registry, second part: penalty cases open on a licence (a licence with an open case
-- is "being processed for a violation" and is not renewed: Circular 12/2025/TT-BCA Art. 21), the reason and day a
-- licence was revoked or replaced (and by which licence, when the online renewal issued it), and the notices sent a
-- month before expiry (one per licence and expiry, never twice).

create table licence_cases (
  id bigint generated always as identity primary key,
  licence_id bigint not null references licences (id),
  -- The penalty record's or decision's number (biên bản / quyết định), one case per number and licence.
  decision text not null check (char_length(decision) between 1 and 60),
  opened_on date not null,
  closed_on date,
  outcome text check (outcome is null or char_length(outcome) between 1 and 500),
  opened_by bigint references accounts (id),
  closed_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  constraint licence_cases_closed check ((closed_on is null and outcome is null) or (closed_on is not null and outcome is not null and closed_on >= opened_on)),
  unique (licence_id, decision)
);
-- The renewal asks "is any case open on this licence": only open ones are indexed.
create index licence_cases_open on licence_cases (licence_id) where closed_on is null;

alter table licences add column status_reason text check (status_reason is null or char_length(status_reason) between 1 and 500);
alter table licences add column status_on date;
alter table licences add column replaced_by bigint references licences (id);
-- The dossier (procedure 3.000347) whose approval issued this licence.
alter table licences add column dossier_code text;
create unique index licences_dossier on licences (dossier_code) where dossier_code is not null;

create table licence_expiry_notices (
  licence_id bigint not null references licences (id),
  expires_on date not null,
  sent_at timestamptz not null default now(),
  -- How many accounts were told (0 when the holder has no account with a proven e-mail).
  mailed integer not null default 0,
  primary key (licence_id, expires_on)
);
