-- School admission (issue 11): two staff roles. A school's admissions officer ("cán bộ tuyển sinh của trường") sees and
-- confirms the applicants of the schools they are attached to; the education office ("Sở/Phòng Giáo dục và Đào tạo")
-- sees live counts, edits catchments, issues codes and publishes results for every school.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office'));

-- Which schools a school admissions officer works for (usually one).
create table admission_school_staff (
  account_id bigint not null references accounts (id) on delete cascade,
  school_id bigint not null references admission_schools (id),
  primary key (account_id, school_id)
);
create index admission_school_staff_school on admission_school_staff (school_id);
