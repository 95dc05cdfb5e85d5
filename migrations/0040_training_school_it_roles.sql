-- Issue 14: the IT-training office and a school's IT equipment officer.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office',
                  'readiness_reporter', 'readiness_reviewer', 'readiness_council', 'training_manager', 'school_it'));
