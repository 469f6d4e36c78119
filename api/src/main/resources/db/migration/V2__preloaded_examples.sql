-- Example state machines loaded at start, remembered so that one a user deletes stays deleted.
CREATE TABLE preloaded_example (
    name           VARCHAR(80) NOT NULL PRIMARY KEY,
    preloaded_date TIMESTAMP WITH TIME ZONE NOT NULL
);
