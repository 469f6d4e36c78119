-- Runs once, when the PostgreSQL data directory is initialised: Temporal keeps its visibility
-- records in a database of their own. POSTGRES_DB creates the main `temporal` database.
CREATE DATABASE temporal_visibility OWNER temporal;
