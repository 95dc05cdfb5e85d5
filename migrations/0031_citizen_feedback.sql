-- Citizen feedback (phản ánh, kiến nghị, issue 12): anyone reports a problem with an administrative regulation, a
-- public service or a place; the city's receiving office assigns it to an agency, which answers by a due date counted
-- in working days; a leader may publish the answer; the sender rates it. Owned by src/modules/feedback.

-- Concrete subcategories of the three categories, as data (administrators may add rows; codes never change).
create table feedback_subcategories (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  category text not null check (category in ('regulation', 'service', 'place')),
  name_vi text not null,
  name_en text not null,
  sort_order int not null default 0
);

insert into feedback_subcategories (code, category, name_vi, name_en, sort_order) values
  ('procedure_rule', 'regulation', 'Quy định thủ tục hành chính', 'Rules of an administrative procedure', 1),
  ('fee_rule', 'regulation', 'Phí, lệ phí', 'Fees and charges', 2),
  ('document_request', 'regulation', 'Yêu cầu giấy tờ ngoài quy định', 'Papers asked for beyond the rules', 3),
  ('staff_conduct', 'service', 'Thái độ, hành vi của cán bộ', 'Conduct of staff', 1),
  ('late_handling', 'service', 'Giải quyết hồ sơ chậm', 'Dossier handled late', 2),
  ('online_service', 'service', 'Dịch vụ công trực tuyến', 'Online public services', 3),
  ('road_lighting', 'place', 'Đường sá, chiếu sáng', 'Roads and street lighting', 1),
  ('waste_environment', 'place', 'Rác thải, môi trường', 'Waste and environment', 2),
  ('public_order', 'place', 'Trật tự đô thị, lấn chiếm vỉa hè', 'Public order, pavements taken over', 3);

-- The six digits of a tracking code come from this sequence (permuted, see src/modules/feedback/code.ts).
create sequence feedback_case_seq;

create table feedback_cases (
  id bigint generated always as identity primary key,
  -- PA-YYMM-NNNNNN (docs/feedback.md): prefix, Vietnam year and month of sending, six digits.
  code text not null unique check (code ~ '^PA-[0-9]{4}-[0-9]{6}$'),
  category text not null check (category in ('regulation', 'service', 'place')),
  subcategory text references feedback_subcategories (code),
  title text not null check (length(title) between 1 and 200),
  description text not null check (length(description) between 1 and 5000),
  unit_code text not null,
  address text not null default '',
  sender_name text not null check (length(sender_name) between 1 and 100),
  sender_phone text,
  sender_email text,
  account_id bigint references accounts (id),
  status text not null default 'received'
    check (status in ('received', 'assigned', 'answered', 'published', 'closed', 'rejected')),
  reject_reason text,
  agency_id bigint references agencies (id),
  assigned_at timestamptz,
  assigned_by bigint references accounts (id),
  due_date date,
  answer text,
  answered_at timestamptz,
  answered_by bigint references accounts (id),
  published boolean not null default false,
  published_at timestamptz,
  published_by bigint references accounts (id),
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (sender_phone is not null or sender_email is not null),
  check (status <> 'rejected' or reject_reason is not null)
);

create index feedback_cases_agency on feedback_cases (agency_id, status);
create index feedback_cases_status on feedback_cases (status, created_at);
create index feedback_cases_published on feedback_cases (published_at desc) where published;
-- The quality figures count feedback by when it was sent (feedback_case_facts).
create index feedback_cases_created on feedback_cases (created_at);

-- Photos: the bytes are in the platform's content-addressed file store (stored_files), this row says whose they are.
create table feedback_photos (
  id bigint generated always as identity primary key,
  case_id bigint not null references feedback_cases (id),
  position smallint not null check (position between 1 and 3),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null check (size > 0),
  sha256 text not null references stored_files (sha256),
  unique (case_id, position)
);

-- Each change of state, for the sender's status history (the audit log keeps the actor and address too).
create table feedback_events (
  id bigint generated always as identity primary key,
  case_id bigint not null references feedback_cases (id),
  status text not null,
  at timestamptz not null default now()
);
create index feedback_events_case on feedback_events (case_id, at);

-- Read contract (see 0011): the quality module counts feedback handled on time from this view only.
create view feedback_case_facts as
  select id, agency_id, status, created_at, assigned_at, due_date, answered_at from feedback_cases;
