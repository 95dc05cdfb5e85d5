-- Official documents (issue 13): full-text search over the text inside their PDFs too, accents folded as before.
-- files_text is the text the app extracted from the document's PDFs when they were stored (src/platform/pdf/text.ts,
-- files.ts storeFiles), joined, at most 200,000 characters; images (scans) carry no text and there is no OCR.
-- Documents stored before this migration keep '' until their files are read again.
-- The vector is stripped of positions: the search matches words and prefixes only (no phrases, no ranking), and a PDF's
-- text would otherwise make it several times larger.
-- Owned by src/modules/documents.
alter table documents add column files_text text not null default ''
  check (length(files_text) <= 200000);

drop index if exists documents_search;
alter table documents drop column search_tsv;
alter table documents add column search_tsv tsvector generated always as (
  strip(to_tsvector('vn'::regconfig,
    summary || ' ' || author || ' ' || coalesce(notation, '') || ' ' || signer_name || ' ' || body || ' ' || files_text))
) stored;
create index documents_search on documents using gin (search_tsv);
