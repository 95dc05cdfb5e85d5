-- One label per dossier state (issue 9): the workflow definitions (data/workflows/*.json, loaded into `workflows`) name
-- every state in Vietnamese and English. The back office publishes them as this read-only view, so the dossiers module
-- (receipt, my dossiers, the public lookup, mails, the API) prints the very labels the officers' pages print.
create view workflow_state_labels as
  select w.code as workflow_code, s.value ->> 'key' as state, s.value -> 'label' ->> 'vi' as label_vi,
    s.value -> 'label' ->> 'en' as label_en, s.ordinality::int as position
  from workflows w cross join lateral jsonb_array_elements(w.definition -> 'states') with ordinality s;
