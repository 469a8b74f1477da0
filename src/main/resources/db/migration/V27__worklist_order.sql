-- The worklist's programme filter joins the case through the process's business key, which is the case id as text:
-- without this index the join read every case (issue 7, 100,000 open tasks). The worklist's order on the engine's
-- task table is indexed by tasks.WorklistIndex, which runs after the engine has created its tables.
CREATE INDEX IF NOT EXISTS application_id_text_idx ON application ((id::text));
