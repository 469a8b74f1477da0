-- A letter is a PDF whose streams are already compressed: PostgreSQL's own compression of large values (pglz) found
-- nothing to gain and cost a sixth of the database's time for storing a receipt. Letters stored from now on are kept
-- out of line as they are.
ALTER TABLE letter ALTER COLUMN content SET STORAGE EXTERNAL;
