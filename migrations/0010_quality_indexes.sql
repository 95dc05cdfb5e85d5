-- Indexes for the service-quality figures (src/modules/quality/repo.ts, DOMAIN §6). Each serves one of its
-- statements; the plans they give are printed by bench/quality-plans.ts. 0007 has (agency_id, received_at) only.

-- City totals: dossiers received in a period (statement "received") and resolved in it ("resolved").
create index dossiers_received on dossiers (received_at);
create index dossiers_result on dossiers (result_at) where result_at is not null;

-- One agency's figures count the dossiers it received OR handles: a BitmapOr of (agency_id, …) and
-- (handling_agency_id, …) over the same range.
create index dossiers_handling_received on dossiers (handling_agency_id, received_at);
create index dossiers_agency_result on dossiers (agency_id, result_at) where result_at is not null;
create index dossiers_handling_result on dossiers (handling_agency_id, result_at) where result_at is not null;

-- In progress now (statement "in progress", and the table by agency): the open dossiers only, with what the count
-- needs, so the city's snapshot is an index-only scan of a few thousand entries instead of a heap scan of every
-- unfinished row (0008's inbox indexes also hold results waiting to be returned).
create index dossiers_in_progress on dossiers (due_at) include (status, paused_at, received_at, agency_id, handling_agency_id)
  where result_at is null and finished_at is null;
-- In progress at the end of a past period: still open (above), or closed since: a result after it (dossiers_result)
-- or a refusal after it (below); the three ranges OR-ed in a bitmap.
create index dossiers_closed_without_result on dossiers (finished_at) where result_at is null and finished_at is not null;

-- Both statements group by the Vietnam day (the resolved one by result day and receipt day); without statistics on
-- those expressions the planner guesses one group per row, sorts them all on disk and will not hash or aggregate in
-- parallel workers. (Filled by the next ANALYZE, which autovacuum runs.)
create statistics dossiers_received_day on ((received_at at time zone interval '+07:00')::date) from dossiers;
create statistics dossiers_result_days (ndistinct) on ((result_at at time zone interval '+07:00')::date), ((received_at at time zone interval '+07:00')::date) from dossiers;

-- "Paid online", "digitised" (a scan of a counter dossier), "electronic result" and "asked for a supplement" are
-- EXISTS tests per dossier. For an agency the planner probes the per-dossier indexes of 0007/0008; for the city it
-- hashes the rows since the period began (they are made after receipt, so `>= period start − 1 day` bounds them):
-- these partial, covering indexes make that an index-only range scan.
create index payments_paid_online on payments (created_at) include (dossier_id)
  where status = 'paid' and method in ('vietqr', 'gateway');
create index dossier_files_quality on dossier_files (kind, created_at) include (dossier_id) where kind in ('result', 'scan');
create index dossier_supplements_requested on dossier_supplements (requested_at) include (dossier_id, stage);

-- Ratings, feedback and consultations are counted by when they were made.
create index dossier_ratings_rated on dossier_ratings (rated_at);
create index dossier_feedback_created on dossier_feedback (created_at);
create index dossier_consultations_requested on dossier_consultations (requested_at);
