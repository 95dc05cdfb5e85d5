-- Indicator sets as versioned rows (issue 14; docs/readiness.md "Where sets live"): a set per year and peer group,
-- each change a new version. A row is never updated nor deleted (the trigger below refuses both), so a cycle opened on
-- a version keeps scoring by exactly that content. Shipped sets (data/readiness/*.json) are loaded at start when their
-- content is not there yet (loaded_by null); the reviewing office imports new ones (loaded_by its account).
create table readiness_sets (
  id text not null check (id ~ '^[a-z0-9][a-z0-9-]*$'),
  version int not null check (version > 0),
  year int not null check (year between 2000 and 2100),
  peer_group text not null check (peer_group in ('department', 'commune')),
  content jsonb not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  plausible boolean not null,
  loaded_at timestamptz not null default now(),
  loaded_by bigint references accounts (id),
  note text check (length(note) <= 2000),
  primary key (id, version),
  unique (id, sha256)
);

create function readiness_sets_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'readiness_sets rows are never changed: load a new version instead';
end;
$$;
create trigger readiness_sets_frozen before update or delete on readiness_sets
  for each row execute function readiness_sets_frozen();

-- A cycle scores by one version of its set; cycles opened before versions existed used the first one.
alter table readiness_cycles add column set_version int not null default 1 check (set_version > 0);
alter table readiness_cycles alter column set_version drop default;
