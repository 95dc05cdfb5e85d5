-- Least privilege over personal data (issue 10, Decree 13/2023/NĐ-CP).

-- Submitting a dossier on another person's behalf is a role of its own ("tiếp nhận thay": a counter's intake desk, an
-- integrator's system account), for the agencies it serves: its own agency and those listed here.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake'));

create table intake_agencies (
  account_id bigint not null references accounts (id) on delete cascade,
  agency_id bigint not null references agencies (id),
  primary key (account_id, agency_id)
);

-- An account's recent submissions are counted for its rate limit, and a dossier's reads listed for its applicant
-- (audit_log_entity serves the latter): one index for "this account's rows of this action since".
create index audit_log_actor_action on audit_log (actor_id, action, at);
