-- Issue 16, the traffic-signal centre (TRANSPORT.md §3): the signal engineer, who keeps the registry of intersections
-- and controllers, designs timing plans (Webster, corridor coordination, bus priority), sends them to the controllers
-- and watches the monitoring wall. Every existing role is kept.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office',
                  'readiness_reporter', 'readiness_reviewer', 'readiness_council', 'training_manager', 'school_it',
                  'transit_officer', 'transit_operator', 'licence_officer', 'signal_engineer'));
