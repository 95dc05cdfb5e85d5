-- The waiting room in front of a rush path (issue 11, "The rush"; src/platform/http/waiting-room.ts). One row per
-- room: the last ticket handed out and the highest ticket called in ("now serving"). Every app process behind the
-- load balancer reads and moves the same two numbers, so a parent's place in the line does not depend on which
-- process their request reaches. Rows are made by the app on first use.
create table waiting_room (
  name text primary key,
  next_ticket bigint not null default 0,
  serving bigint not null default 0,
  updated_at timestamptz not null default now(),
  check (serving <= next_ticket)
);
