-- The state machine registry. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- One row per state machine; its current configuration is the revision it points at.
CREATE TABLE state_machine (
    arn                      VARCHAR(256) NOT NULL PRIMARY KEY,
    name                     VARCHAR(80)  NOT NULL,
    type                     VARCHAR(16)  NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    encryption_configuration TEXT,
    creation_date            TIMESTAMP WITH TIME ZONE NOT NULL,
    update_date              TIMESTAMP WITH TIME ZONE,
    revision_id              VARCHAR(64)  NOT NULL,
    -- Version numbers are never reused, even after a version is deleted.
    last_version_number      INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_state_machine_name UNIQUE (name),
    CONSTRAINT ck_state_machine_type CHECK (type IN ('STANDARD', 'EXPRESS')),
    CONSTRAINT ck_state_machine_status CHECK (status IN ('ACTIVE', 'DELETING'))
);

-- Immutable snapshots of everything an execution runs with. Never updated, and kept for as long
-- as an execution refers to them, so an execution always knows the exact definition it ran.
CREATE TABLE definition_revision (
    revision_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    state_machine_arn     VARCHAR(256) NOT NULL,
    definition            TEXT         NOT NULL,
    definition_sha256     CHAR(64)     NOT NULL,
    role_arn              VARCHAR(256) NOT NULL,
    logging_configuration TEXT,
    tracing_configuration TEXT,
    creation_date         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_definition_revision_state_machine ON definition_revision (state_machine_arn);

CREATE TABLE state_machine_version (
    state_machine_arn VARCHAR(256) NOT NULL,
    version_number    INTEGER      NOT NULL,
    revision_id       VARCHAR(64)  NOT NULL,
    description       VARCHAR(256),
    creation_date     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_state_machine_version PRIMARY KEY (state_machine_arn, version_number),
    CONSTRAINT fk_version_state_machine FOREIGN KEY (state_machine_arn)
        REFERENCES state_machine (arn) ON DELETE CASCADE,
    CONSTRAINT fk_version_revision FOREIGN KEY (revision_id) REFERENCES definition_revision (revision_id)
);

CREATE TABLE state_machine_alias (
    alias_arn         VARCHAR(256) NOT NULL PRIMARY KEY,
    state_machine_arn VARCHAR(256) NOT NULL,
    name              VARCHAR(80)  NOT NULL,
    description       VARCHAR(256),
    creation_date     TIMESTAMP WITH TIME ZONE NOT NULL,
    update_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_alias_name UNIQUE (state_machine_arn, name),
    CONSTRAINT fk_alias_state_machine FOREIGN KEY (state_machine_arn)
        REFERENCES state_machine (arn) ON DELETE CASCADE
);

-- One or two weighted routes per alias. The foreign key to the version is what makes deleting a
-- routed version impossible even outside the service's own check.
CREATE TABLE state_machine_alias_route (
    alias_arn         VARCHAR(256) NOT NULL,
    route_index       INTEGER      NOT NULL,
    state_machine_arn VARCHAR(256) NOT NULL,
    version_number    INTEGER      NOT NULL,
    weight            INTEGER      NOT NULL,
    CONSTRAINT pk_alias_route PRIMARY KEY (alias_arn, route_index),
    CONSTRAINT fk_route_alias FOREIGN KEY (alias_arn)
        REFERENCES state_machine_alias (alias_arn) ON DELETE CASCADE,
    CONSTRAINT fk_route_version FOREIGN KEY (state_machine_arn, version_number)
        REFERENCES state_machine_version (state_machine_arn, version_number),
    CONSTRAINT ck_route_weight CHECK (weight BETWEEN 0 AND 100),
    CONSTRAINT ck_route_position CHECK (route_index IN (0, 1))
);

CREATE TABLE resource_tag (
    resource_arn VARCHAR(256) NOT NULL,
    tag_key      VARCHAR(128) NOT NULL,
    tag_value    VARCHAR(256) NOT NULL,
    CONSTRAINT pk_resource_tag PRIMARY KEY (resource_arn, tag_key)
);

-- Executions: written before an execution is handed to Temporal, so nothing accepted is lost, and
-- pinned to the exact revision it runs.
CREATE TABLE execution (
    execution_arn     VARCHAR(256) NOT NULL PRIMARY KEY,
    name              VARCHAR(80)  NOT NULL,
    state_machine_arn VARCHAR(256) NOT NULL,
    -- The ARN the caller started it with when that was a version or an alias.
    qualifier_arn     VARCHAR(256),
    version_number    INTEGER,
    alias_arn         VARCHAR(256),
    revision_id       VARCHAR(64)  NOT NULL,
    input             TEXT         NOT NULL,
    input_sha256      CHAR(64)     NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    start_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    stop_date         TIMESTAMP WITH TIME ZONE,
    workflow_id       VARCHAR(512) NOT NULL,
    run_id            VARCHAR(64),
    CONSTRAINT uq_execution_name UNIQUE (state_machine_arn, name),
    CONSTRAINT fk_execution_revision FOREIGN KEY (revision_id) REFERENCES definition_revision (revision_id),
    CONSTRAINT ck_execution_status CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'))
);
CREATE INDEX ix_execution_state_machine_start ON execution (state_machine_arn, start_date);
