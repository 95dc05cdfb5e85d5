-- Official documents (issue 13): search stays within the agency inside the full-text index. Every document's vector
-- carries one extra lexeme naming its agency (`egovagency<id>`, a word no text produces: the 'vn' configuration
-- drops tokens of letters and digits run together), and a search ANDs it into the query, so the GIN index intersects
-- the words' postings with the agency's instead of fetching every agency's matches and filtering them afterwards
-- (EXPLAIN showed 19,231 rows of all agencies fetched to keep 50 at 1,000,000 documents). Owned by src/modules/documents.
drop index if exists documents_search;
alter table documents drop column search_tsv;
alter table documents add column search_tsv tsvector generated always as (
  strip(to_tsvector('vn'::regconfig,
    summary || ' ' || author || ' ' || coalesce(notation, '') || ' ' || signer_name || ' ' || body || ' ' || files_text))
  || ('egovagency' || agency_id::text)::tsvector
) stored;
create index documents_search on documents using gin (search_tsv);
