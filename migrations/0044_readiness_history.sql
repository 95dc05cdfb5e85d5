-- IT readiness over the years (issue 14; docs/readiness.md "Results"): one row per unit, year and peer group with its
-- total, rank and each group's share of its maximum. Written when a cycle is published (source 'published'), or
-- loaded from earlier years' reports (source 'imported'); `illustrative` marks invented demo rows, shown as such.
-- Owned by src/modules/readiness (history.ts).
create table readiness_history (
  agency_id bigint not null references agencies (id),
  year int not null check (year between 2000 and 2100),
  peer_group text not null check (peer_group in ('department', 'commune')),
  total double precision not null check (total >= 0),
  max double precision not null check (max > 0),
  rank int check (rank > 0),
  group_shares jsonb not null default '{}',
  source text not null check (source in ('published', 'imported')),
  illustrative boolean not null default false,
  recorded_at timestamptz not null default now(),
  primary key (agency_id, year, peer_group)
);
create index readiness_history_year on readiness_history (peer_group, year, rank);
