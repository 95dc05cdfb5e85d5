-- School admission results (issue 11 "Rules": the seed is published before the draw; the draw is recomputable).
-- One row per round: the commitment SHA-256(seed) published before the window closes, the seed kept secret until
-- the draw, and when the allocation ran. The seed column is read only by the draw until drawn_at is set.
create table admission_round_results (
  round_id bigint primary key references admission_rounds (id),
  commitment text not null check (commitment ~ '^[0-9a-f]{64}$'),
  seed text not null,
  committed_at timestamptz not null default now(),
  committed_by bigint,
  drawn_at timestamptz,
  drawn_by bigint,
  admitted int,
  not_admitted int
);

-- Every lottery held in a round's allocation, in the order held, published with its list and result
-- (formatDraw, what `egov admission draw --verify` accepts).
create table admission_draws (
  round_id bigint not null references admission_rounds (id),
  seq int not null,
  stage text not null check (stage in ('catchment', 'priority', 'overflow', 'return')),
  school_code text,
  priority_group smallint,
  places int,
  applications text not null,
  result text not null,
  primary key (round_id, seq)
);
