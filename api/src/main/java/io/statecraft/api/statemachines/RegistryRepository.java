package io.statecraft.api.statemachines;

import io.statecraft.api.config.ConditionalOnRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables, through plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
@ConditionalOnRole(ConditionalOnRole.Part.API)
class RegistryRepository {

  private final JdbcClient jdbc;

  RegistryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- state machines -------------------------------------------------------------------------

  void insertStateMachine(StateMachineRecord sm) {
    jdbc.sql(
            """
            INSERT INTO state_machine (arn, name, type, status, encryption_configuration,
                creation_date, update_date, revision_id, last_version_number)
            VALUES (:arn, :name, :type, :status, :encryption, :created, :updated, :revision, :last)
            """)
        .param("arn", sm.arn())
        .param("name", sm.name())
        .param("type", sm.type().name())
        .param("status", sm.status().name())
        .param("encryption", sm.encryptionConfiguration())
        .param("created", odt(sm.creationDate()))
        .param("updated", odt(sm.updateDate()))
        .param("revision", sm.revisionId())
        .param("last", sm.lastVersionNumber())
        .update();
  }

  Optional<StateMachineRecord> findStateMachine(String arn) {
    return jdbc.sql("SELECT * FROM state_machine WHERE arn = :arn")
        .param("arn", arn)
        .query(RegistryRepository::stateMachine)
        .optional();
  }

  /** Reads and locks the row until the transaction ends, to serialise changes to one machine. */
  Optional<StateMachineRecord> lockStateMachine(String arn) {
    return jdbc.sql("SELECT * FROM state_machine WHERE arn = :arn FOR UPDATE")
        .param("arn", arn)
        .query(RegistryRepository::stateMachine)
        .optional();
  }

  List<StateMachineRecord> listStateMachines(String afterName, int limit) {
    // PostgreSQL cannot type a bare null parameter, so the condition is only added when needed.
    String after = afterName == null ? "" : "WHERE name > :after ";
    var spec =
        jdbc.sql("SELECT * FROM state_machine " + after + "ORDER BY name LIMIT :limit")
            .param("limit", limit);
    if (afterName != null) {
      spec = spec.param("after", afterName);
    }
    return spec.query(RegistryRepository::stateMachine).list();
  }

  int countStateMachines() {
    return jdbc.sql("SELECT COUNT(*) FROM state_machine").query(Integer.class).single();
  }

  void updateStateMachine(
      String arn, String revisionId, String encryption, Instant updateDate, int lastVersion) {
    jdbc.sql(
            """
            UPDATE state_machine SET revision_id = :revision, encryption_configuration = :encryption,
                update_date = :updated, last_version_number = :last
            WHERE arn = :arn
            """)
        .param("arn", arn)
        .param("revision", revisionId)
        .param("encryption", encryption)
        .param("updated", odt(updateDate))
        .param("last", lastVersion)
        .update();
  }

  void setStatus(String arn, StateMachineRecord.Status status) {
    jdbc.sql("UPDATE state_machine SET status = :status WHERE arn = :arn")
        .param("arn", arn)
        .param("status", status.name())
        .update();
  }

  /**
   * Deletes a state machine with its versions, aliases and tags, and the revisions nothing needs.
   */
  void deleteStateMachine(String arn) {
    jdbc.sql("DELETE FROM resource_tag WHERE resource_arn = :arn OR resource_arn LIKE :children")
        .param("arn", arn)
        .param("children", likePrefix(arn + ":"))
        .update();
    jdbc.sql(
            """
            DELETE FROM state_machine_alias_route WHERE alias_arn IN
                (SELECT alias_arn FROM state_machine_alias WHERE state_machine_arn = :arn)
            """)
        .param("arn", arn)
        .update();
    jdbc.sql("DELETE FROM state_machine_alias WHERE state_machine_arn = :arn")
        .param("arn", arn)
        .update();
    jdbc.sql("DELETE FROM state_machine_version WHERE state_machine_arn = :arn")
        .param("arn", arn)
        .update();
    jdbc.sql("DELETE FROM state_machine WHERE arn = :arn").param("arn", arn).update();
    // Revisions an execution ran stay, so every execution keeps the exact definition it ran.
    jdbc.sql(
            """
            DELETE FROM definition_revision WHERE state_machine_arn = :arn
                AND revision_id NOT IN (SELECT revision_id FROM execution)
            """)
        .param("arn", arn)
        .update();
  }

  // --- revisions ------------------------------------------------------------------------------

  void insertRevision(Revision r) {
    jdbc.sql(
            """
            INSERT INTO definition_revision (revision_id, state_machine_arn, definition,
                definition_sha256, role_arn, logging_configuration, tracing_configuration,
                creation_date)
            VALUES (:id, :arn, :definition, :sha, :role, :logging, :tracing, :created)
            """)
        .param("id", r.revisionId())
        .param("arn", r.stateMachineArn())
        .param("definition", r.definition())
        .param("sha", r.definitionSha256())
        .param("role", r.roleArn())
        .param("logging", r.loggingConfiguration())
        .param("tracing", r.tracingConfiguration())
        .param("created", odt(r.creationDate()))
        .update();
  }

  Optional<Revision> findRevision(String revisionId) {
    return jdbc.sql("SELECT * FROM definition_revision WHERE revision_id = :id")
        .param("id", revisionId)
        .query(RegistryRepository::revision)
        .optional();
  }

  // --- versions -------------------------------------------------------------------------------

  void insertVersion(VersionRecord v) {
    jdbc.sql(
            """
            INSERT INTO state_machine_version (state_machine_arn, version_number, revision_id,
                description, creation_date)
            VALUES (:arn, :number, :revision, :description, :created)
            """)
        .param("arn", v.stateMachineArn())
        .param("number", v.number())
        .param("revision", v.revisionId())
        .param("description", v.description())
        .param("created", odt(v.creationDate()))
        .update();
  }

  Optional<VersionRecord> findVersion(String stateMachineArn, int number) {
    return jdbc.sql(
            "SELECT * FROM state_machine_version WHERE state_machine_arn = :arn AND version_number = :n")
        .param("arn", stateMachineArn)
        .param("n", number)
        .query(RegistryRepository::version)
        .optional();
  }

  Optional<VersionRecord> findVersionOfRevision(String stateMachineArn, String revisionId) {
    return jdbc.sql(
            """
            SELECT * FROM state_machine_version
            WHERE state_machine_arn = :arn AND revision_id = :revision
            ORDER BY version_number DESC LIMIT 1
            """)
        .param("arn", stateMachineArn)
        .param("revision", revisionId)
        .query(RegistryRepository::version)
        .optional();
  }

  /** Versions newest first, below {@code beforeNumber} when given. */
  List<VersionRecord> listVersions(String stateMachineArn, Integer beforeNumber, int limit) {
    String before = beforeNumber == null ? "" : "AND version_number < :before ";
    var spec =
        jdbc.sql(
                "SELECT * FROM state_machine_version WHERE state_machine_arn = :arn "
                    + before
                    + "ORDER BY version_number DESC LIMIT :limit")
            .param("arn", stateMachineArn)
            .param("limit", limit);
    if (beforeNumber != null) {
      spec = spec.param("before", beforeNumber);
    }
    return spec.query(RegistryRepository::version).list();
  }

  int countVersions(String stateMachineArn) {
    return jdbc.sql("SELECT COUNT(*) FROM state_machine_version WHERE state_machine_arn = :arn")
        .param("arn", stateMachineArn)
        .query(Integer.class)
        .single();
  }

  void deleteVersion(String stateMachineArn, int number) {
    String versionArn = stateMachineArn + ":" + number;
    jdbc.sql("DELETE FROM resource_tag WHERE resource_arn = :arn")
        .param("arn", versionArn)
        .update();
    jdbc.sql(
            "DELETE FROM state_machine_version WHERE state_machine_arn = :arn AND version_number = :n")
        .param("arn", stateMachineArn)
        .param("n", number)
        .update();
  }

  /** The aliases routing to a version. */
  List<String> aliasesRoutingTo(String stateMachineArn, int number) {
    return jdbc.sql(
            """
            SELECT DISTINCT alias_arn FROM state_machine_alias_route
            WHERE state_machine_arn = :arn AND version_number = :n ORDER BY alias_arn
            """)
        .param("arn", stateMachineArn)
        .param("n", number)
        .query(String.class)
        .list();
  }

  // --- aliases --------------------------------------------------------------------------------

  void insertAlias(AliasRecord a) {
    jdbc.sql(
            """
            INSERT INTO state_machine_alias (alias_arn, state_machine_arn, name, description,
                creation_date, update_date)
            VALUES (:arn, :sm, :name, :description, :created, :updated)
            """)
        .param("arn", a.arn())
        .param("sm", a.stateMachineArn())
        .param("name", a.name())
        .param("description", a.description())
        .param("created", odt(a.creationDate()))
        .param("updated", odt(a.updateDate()))
        .update();
    insertRoutes(a);
  }

  void updateAlias(AliasRecord a) {
    jdbc.sql(
            """
            UPDATE state_machine_alias SET description = :description, update_date = :updated
            WHERE alias_arn = :arn
            """)
        .param("arn", a.arn())
        .param("description", a.description())
        .param("updated", odt(a.updateDate()))
        .update();
    jdbc.sql("DELETE FROM state_machine_alias_route WHERE alias_arn = :arn")
        .param("arn", a.arn())
        .update();
    insertRoutes(a);
  }

  private void insertRoutes(AliasRecord a) {
    for (int i = 0; i < a.routes().size(); i++) {
      AliasRecord.Route route = a.routes().get(i);
      jdbc.sql(
              """
              INSERT INTO state_machine_alias_route (alias_arn, route_index, state_machine_arn,
                  version_number, weight)
              VALUES (:arn, :index, :sm, :n, :weight)
              """)
          .param("arn", a.arn())
          .param("index", i)
          .param("sm", route.stateMachineArn())
          .param("n", route.versionNumber())
          .param("weight", route.weight())
          .update();
    }
  }

  Optional<AliasRecord> findAlias(String aliasArn) {
    List<AliasRecord> found = aliases("alias_arn = :key", aliasArn, null, 1);
    return found.stream().findFirst();
  }

  List<AliasRecord> listAliases(String stateMachineArn, String afterName, int limit) {
    return aliases("state_machine_arn = :key", stateMachineArn, afterName, limit);
  }

  int countAliases(String stateMachineArn) {
    return jdbc.sql("SELECT COUNT(*) FROM state_machine_alias WHERE state_machine_arn = :arn")
        .param("arn", stateMachineArn)
        .query(Integer.class)
        .single();
  }

  void deleteAlias(String aliasArn) {
    jdbc.sql("DELETE FROM resource_tag WHERE resource_arn = :arn").param("arn", aliasArn).update();
    jdbc.sql("DELETE FROM state_machine_alias_route WHERE alias_arn = :arn")
        .param("arn", aliasArn)
        .update();
    jdbc.sql("DELETE FROM state_machine_alias WHERE alias_arn = :arn")
        .param("arn", aliasArn)
        .update();
  }

  private List<AliasRecord> aliases(String where, String key, String afterName, int limit) {
    record Row(
        String arn, String sm, String name, String description, Instant created, Instant updated) {}
    var spec =
        jdbc.sql(
                "SELECT * FROM state_machine_alias WHERE "
                    + where
                    + (afterName == null ? "" : " AND name > :after")
                    + " ORDER BY name LIMIT :limit")
            .param("key", key)
            .param("limit", limit);
    if (afterName != null) {
      spec = spec.param("after", afterName);
    }
    List<Row> rows =
        spec.query(
                (rs, i) ->
                    new Row(
                        rs.getString("alias_arn"),
                        rs.getString("state_machine_arn"),
                        rs.getString("name"),
                        rs.getString("description"),
                        instant(rs, "creation_date"),
                        instant(rs, "update_date")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<AliasRecord.Route>> routes = new LinkedHashMap<>();
    for (Row row : rows) {
      routes.put(row.arn(), new ArrayList<>());
    }
    jdbc.sql(
            "SELECT * FROM state_machine_alias_route WHERE alias_arn IN (:arns)"
                + " ORDER BY alias_arn, route_index")
        .param("arns", List.copyOf(routes.keySet()))
        .query(
            (ResultSet rs) -> {
              routes
                  .get(rs.getString("alias_arn"))
                  .add(
                      new AliasRecord.Route(
                          rs.getString("state_machine_arn"),
                          rs.getInt("version_number"),
                          rs.getInt("weight")));
            });
    List<AliasRecord> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(
          new AliasRecord(
              row.arn(),
              row.sm(),
              row.name(),
              row.description(),
              routes.get(row.arn()),
              row.created(),
              row.updated()));
    }
    return result;
  }

  // --- tags -----------------------------------------------------------------------------------

  List<Tag> tags(String resourceArn) {
    return jdbc.sql(
            "SELECT tag_key, tag_value FROM resource_tag WHERE resource_arn = :arn ORDER BY tag_key")
        .param("arn", resourceArn)
        .query((rs, i) -> new Tag(rs.getString("tag_key"), rs.getString("tag_value")))
        .list();
  }

  void putTag(String resourceArn, Tag tag) {
    int updated =
        jdbc.sql(
                "UPDATE resource_tag SET tag_value = :value WHERE resource_arn = :arn AND tag_key = :key")
            .param("arn", resourceArn)
            .param("key", tag.key())
            .param("value", tag.value())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO resource_tag (resource_arn, tag_key, tag_value) VALUES (:arn, :key, :value)")
          .param("arn", resourceArn)
          .param("key", tag.key())
          .param("value", tag.value())
          .update();
    }
  }

  void removeTag(String resourceArn, String key) {
    jdbc.sql("DELETE FROM resource_tag WHERE resource_arn = :arn AND tag_key = :key")
        .param("arn", resourceArn)
        .param("key", key)
        .update();
  }

  // --- executions -----------------------------------------------------------------------------

  int countUnfinishedExecutions(String stateMachineArn) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM execution WHERE state_machine_arn = :arn
                AND status IN ('PENDING', 'RUNNING')
            """)
        .param("arn", stateMachineArn)
        .query(Integer.class)
        .single();
  }

  // --- mapping --------------------------------------------------------------------------------

  private static StateMachineRecord stateMachine(ResultSet rs, int row) throws SQLException {
    return new StateMachineRecord(
        rs.getString("arn"),
        rs.getString("name"),
        StateMachineType.valueOf(rs.getString("type")),
        StateMachineRecord.Status.valueOf(rs.getString("status")),
        rs.getString("revision_id"),
        rs.getString("encryption_configuration"),
        instant(rs, "creation_date"),
        instant(rs, "update_date"),
        rs.getInt("last_version_number"));
  }

  private static Revision revision(ResultSet rs, int row) throws SQLException {
    return new Revision(
        rs.getString("revision_id"),
        rs.getString("state_machine_arn"),
        rs.getString("definition"),
        rs.getString("definition_sha256"),
        rs.getString("role_arn"),
        rs.getString("logging_configuration"),
        rs.getString("tracing_configuration"),
        instant(rs, "creation_date"));
  }

  private static VersionRecord version(ResultSet rs, int row) throws SQLException {
    return new VersionRecord(
        rs.getString("state_machine_arn"),
        rs.getInt("version_number"),
        rs.getString("revision_id"),
        rs.getString("description"),
        instant(rs, "creation_date"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
