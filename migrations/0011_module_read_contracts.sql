-- Read contracts between modules (docs/modules.md). A module owns its tables: only its repository files write them,
-- and other modules write through its exported repository functions. For the set-oriented reads of other modules (the
-- back office's inbox and tracking book, the service-quality figures) the owner publishes these read-only views: they
-- name the columns others may rely on, so the owner may change the rest of its tables freely.
-- Each view is a plain projection of one table (no join, no aggregate), which PostgreSQL inlines into the query that
-- reads it: the planner sees the table itself, and the indexes and statistics of 0007–0010 (partial and covering
-- indexes included) serve a query on a view exactly as on the table. Keep them that way (bench/quality-plans.ts prints
-- the plans); a view that joined or filtered would change every plan that reads it.

-- Published by the dossiers module (src/modules/dossiers): the dossier row with its back-office state (0008).
create view dossier_facts as
  select id, code, agency_id, handling_agency_id, procedure_code, procedure_version, channel, online_level, applicant,
    status, workflow_code, assignee_id, received_at, due_at, due_date, paused_at, apologized_at, decision, result_at,
    outcome, return_method, finished_at, fee_total_dong, payment_status
  from dossiers;
-- What a file is to its dossier and when it came (a scan made at the counter, an electronic result…).
create view dossier_file_facts as select dossier_id, kind, created_at from dossier_files;
-- Payments: how and whether each was paid.
create view dossier_payment_facts as select dossier_id, method, status, created_at, paid_at from payments;
-- The timeline's events by kind and time (e.g. when a dossier was handed over: 'accept').
create view dossier_event_facts as select dossier_id, kind, at from dossier_events;

-- Published by the back office (src/modules/backoffice): requests to supplement, ratings, feedback, consultations.
create view supplement_facts as select dossier_id, stage, requested_at, completed_at from dossier_supplements;
create view rating_facts as select dossier_id, overall, criteria, rated_at from dossier_ratings;
create view feedback_facts as select dossier_id, created_at, answered_at from dossier_feedback;
create view consultation_facts as select dossier_id, agency_id, requested_at, due_at, replied_at from dossier_consultations;
