-- The execution table is the index of executions and keeps how each ended, so that an execution
-- can be described and listed after Temporal no longer holds it (the embedded server keeps
-- nothing across a restart; a real server drops closed workflows after the namespace's retention).
ALTER TABLE execution ADD COLUMN output TEXT;
ALTER TABLE execution ADD COLUMN error TEXT;
ALTER TABLE execution ADD COLUMN cause TEXT;
-- Set for an execution a states:startExecution Task started: its parent's workflow starts it as a
-- child workflow, so it is never started from this table.
ALTER TABLE execution ADD COLUMN parent_execution_arn VARCHAR(256);

CREATE INDEX ix_execution_start ON execution (start_date);
CREATE INDEX ix_execution_status ON execution (status, start_date);
CREATE INDEX ix_execution_alias_start ON execution (alias_arn, start_date);
