-- Official documents at scale (bench/documents.ts, 1,000,000 documents over 145 agencies): full-text search is bounded
-- to one agency and shows the newest first, so for a common word the GIN index alone fetched hundreds of thousands of
-- matches of every agency to keep fifty; the agency's documents newest first, filtered by the text, stop at fifty.
-- The outgoing register of a period reads an agency's numbered documents by date of issue.
-- Owned by src/modules/documents.
create index documents_agency_newest on documents (agency_id, created_at desc);
create index documents_register_out_date on documents (agency_id, document_date) where direction = 'out' and number is not null;
