-- Issue 9 "What the citizen typed is part of the dossier, everywhere".

-- Files uploaded with a draft, kept until the citizen submits from the check-your-answers page (or replaces them):
-- the content is in the content-addressed store (stored_files), this row says which draft it belongs to.
create table dossier_draft_files (
  id bigserial primary key,
  account_id bigint not null references accounts (id),
  procedure_code text not null,
  doc_key text not null,
  original_name text not null,
  mime text not null,
  size integer not null check (size >= 0),
  sha256 text not null references stored_files (sha256),
  created_at timestamptz not null default now(),
  unique (account_id, procedure_code, doc_key)
);

-- The answers the applicant corrected when completing a supplement: [{field, old, new}], at completed_at.
alter table dossier_supplements add column form_changes jsonb not null default '[]'::jsonb;
