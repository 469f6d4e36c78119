package io.statecraft.api.statemachines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.error.FieldIssue;
import io.statecraft.api.statemachines.Configurations.EncryptionConfiguration;
import io.statecraft.api.statemachines.Configurations.EncryptionType;
import io.statecraft.api.statemachines.Configurations.LogLevel;
import io.statecraft.api.statemachines.Configurations.LoggingConfiguration;
import io.statecraft.api.statemachines.Configurations.TracingConfiguration;
import io.statecraft.api.validation.DefinitionValidator;
import io.statecraft.api.validation.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state machine registry: state machines, their immutable revisions, published versions,
 * aliases and tags, with Step Functions' rules and errors. Both APIs are thin layers over it.
 */
@Service
@ConditionalOnRole(ConditionalOnRole.Part.API)
@Transactional
public class StateMachineRegistry {

  /** AWS's default quota of state machines per account and region. */
  static final int MAX_STATE_MACHINES = 10_000;

  /** AWS's limit of versions per state machine. */
  static final int MAX_VERSIONS = 1000;

  /** AWS's limit of aliases per state machine. */
  static final int MAX_ALIASES = 100;

  /** AWS's limit of tags per resource. */
  static final int MAX_TAGS = 50;

  /** AWS's default and largest page sizes. */
  static final int DEFAULT_PAGE = 100;

  static final int MAX_PAGE = 1000;

  private static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

  private final RegistryRepository repository;
  private final DefinitionValidator validator;
  private final Arns arns;
  private final ObjectMapper json;
  private final Clock clock;
  private final int maxDefinitionBytes;

  public StateMachineRegistry(
      RegistryRepository repository,
      DefinitionValidator validator,
      Arns arns,
      ObjectMapper json,
      Clock clock,
      StatecraftProperties properties) {
    this.repository = repository;
    this.validator = validator;
    this.arns = arns;
    this.json = json;
    this.clock = clock;
    this.maxDefinitionBytes = properties.limits().maxDefinitionBytes();
  }

  // --- commands and results -------------------------------------------------------------------

  /** What {@code CreateStateMachine} carries. {@code type} defaults to {@code STANDARD}. */
  public record CreateCommand(
      String name,
      String definition,
      String roleArn,
      StateMachineType type,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      boolean publish,
      String versionDescription,
      List<Tag> tags) {}

  /** What {@code CreateStateMachine} answers; {@code versionArn} only when it published. */
  public record CreateResult(String stateMachineArn, Instant creationDate, String versionArn) {}

  /** What {@code UpdateStateMachine} carries; {@code null} members are left unchanged. */
  public record UpdateCommand(
      String stateMachineArn,
      String definition,
      String roleArn,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      boolean publish,
      String versionDescription) {}

  /** What {@code UpdateStateMachine} answers; {@code versionArn} only when it published. */
  public record UpdateResult(Instant updateDate, String revisionId, String versionArn) {}

  /**
   * A state machine or one of its versions, as {@code DescribeStateMachine} shows it.
   *
   * @param arn the ARN asked for: the state machine's or the version's
   * @param version the version described, or {@code null} for the state machine itself
   */
  public record Description(
      String arn, StateMachineRecord stateMachine, Revision revision, VersionRecord version) {

    /** The creation date shown: the version's for a version. */
    public Instant creationDate() {
      return version != null ? version.creationDate() : stateMachine.creationDate();
    }
  }

  /** What an execution started through {@code arn} runs. */
  public record ExecutionTarget(
      StateMachineRecord stateMachine,
      Revision revision,
      Integer versionNumber,
      String aliasArn,
      String qualifierArn) {}

  /** One route of an alias as requested. */
  public record RouteRequest(String stateMachineVersionArn, int weight) {}

  // --- state machines -------------------------------------------------------------------------

  /** {@code CreateStateMachine}. Idempotent as AWS's is: see {@link #sameCreate}. */
  public CreateResult create(CreateCommand command) {
    requireName(command.name());
    StateMachineType type = command.type() == null ? StateMachineType.STANDARD : command.type();
    requireRoleArn(command.roleArn());
    if (command.versionDescription() != null && !command.publish()) {
      throw versionDescriptionWithoutPublish();
    }
    String logging = loggingJson(command.loggingConfiguration());
    String tracing = tracingJson(command.tracingConfiguration());
    String encryption = encryptionJson(command.encryptionConfiguration());
    checkDefinition(command.definition(), type);
    List<Tag> tags = command.tags() == null ? List.of() : command.tags();
    checkTags(tags, "/tags");
    String arn = arns.stateMachine(command.name());

    Optional<StateMachineRecord> existing = repository.lockStateMachine(arn);
    if (existing.isPresent()) {
      return sameCreate(existing.get(), command, type, logging, tracing, encryption);
    }
    if (repository.countStateMachines() >= MAX_STATE_MACHINES) {
      throw new ApiException(
          ErrorCode.STATE_MACHINE_LIMIT_EXCEEDED,
          "State machine limit exceeded: at most " + MAX_STATE_MACHINES + " state machines");
    }
    if (tags.size() > MAX_TAGS) {
      throw tooManyTags(arn);
    }
    Instant now = now();
    Revision revision =
        newRevision(arn, command.definition(), command.roleArn(), logging, tracing, now);
    StateMachineRecord sm =
        new StateMachineRecord(
            arn,
            command.name(),
            type,
            StateMachineRecord.Status.ACTIVE,
            revision.revisionId(),
            encryption,
            now,
            null,
            0);
    repository.insertRevision(revision);
    try {
      repository.insertStateMachine(sm);
    } catch (DuplicateKeyException e) {
      // Another request created it between our look-up and insert.
      throw new ApiException(
          ErrorCode.CONFLICT,
          "State machine '" + command.name() + "' is being created concurrently");
    }
    for (Tag tag : tags) {
      repository.putTag(arn, tag);
    }
    String versionArn = null;
    if (command.publish()) {
      versionArn =
          publishLocked(sm, revision.revisionId(), command.versionDescription(), now).arn();
    }
    return new CreateResult(arn, now, versionArn);
  }

  /**
   * A repeated {@code CreateStateMachine}: AWS answers the existing state machine when the name,
   * definition, type, logging, tracing, encryption, {@code publish} and {@code versionDescription}
   * match, ignoring {@code roleArn} and {@code tags}; otherwise {@code StateMachineAlreadyExists}.
   */
  private CreateResult sameCreate(
      StateMachineRecord sm,
      CreateCommand command,
      StateMachineType type,
      String logging,
      String tracing,
      String encryption) {
    if (sm.status() == StateMachineRecord.Status.DELETING) {
      throw deleting(sm.arn());
    }
    Revision current = revision(sm.revisionId());
    boolean same =
        current.definition().equals(command.definition())
            && sm.type() == type
            && current.loggingConfiguration().equals(logging)
            && current.tracingConfiguration().equals(tracing)
            && Objects.equals(sm.encryptionConfiguration(), encryption);
    String versionArn = null;
    if (same && command.publish()) {
      Optional<VersionRecord> version =
          repository.findVersionOfRevision(sm.arn(), current.revisionId());
      same =
          version.isPresent()
              && Objects.equals(version.get().description(), command.versionDescription());
      versionArn = version.map(VersionRecord::arn).orElse(null);
    }
    if (!same) {
      throw new ApiException(
          ErrorCode.STATE_MACHINE_ALREADY_EXISTS,
          "State Machine Already Exists: '" + sm.arn() + "'");
    }
    return new CreateResult(sm.arn(), sm.creationDate(), versionArn);
  }

  /** {@code UpdateStateMachine}: a changed configuration becomes a new revision. */
  public UpdateResult update(UpdateCommand command) {
    String arn = command.stateMachineArn();
    arns.parseUnqualified(arn);
    if (command.definition() == null
        && command.roleArn() == null
        && command.loggingConfiguration() == null
        && command.tracingConfiguration() == null
        && command.encryptionConfiguration() == null) {
      throw new ApiException(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          "Either the definition, the roleArn, the loggingConfiguration, the tracingConfiguration"
              + " or the encryptionConfiguration must be specified");
    }
    if (command.versionDescription() != null && !command.publish()) {
      throw versionDescriptionWithoutPublish();
    }
    if (command.roleArn() != null) {
      requireRoleArn(command.roleArn());
    }
    String logging =
        command.loggingConfiguration() == null ? null : loggingJson(command.loggingConfiguration());
    String tracing =
        command.tracingConfiguration() == null ? null : tracingJson(command.tracingConfiguration());
    String encryption =
        command.encryptionConfiguration() == null
            ? null
            : encryptionJson(command.encryptionConfiguration());
    StateMachineRecord sm = requireActive(arn);
    if (command.definition() != null) {
      checkDefinition(command.definition(), sm.type());
    }
    Revision current = revision(sm.revisionId());
    Instant now = now();
    Revision candidate =
        newRevision(
            arn,
            command.definition() != null ? command.definition() : current.definition(),
            command.roleArn() != null ? command.roleArn() : current.roleArn(),
            logging != null ? logging : current.loggingConfiguration(),
            tracing != null ? tracing : current.tracingConfiguration(),
            now);
    Revision revision = current;
    if (!candidate.sameConfiguration(current)) {
      repository.insertRevision(candidate);
      revision = candidate;
    }
    repository.updateStateMachine(
        arn,
        revision.revisionId(),
        encryption != null ? encryption : sm.encryptionConfiguration(),
        now,
        sm.lastVersionNumber());
    String versionArn = null;
    if (command.publish()) {
      StateMachineRecord updated = repository.findStateMachine(arn).orElseThrow();
      versionArn =
          publishLocked(updated, revision.revisionId(), command.versionDescription(), now).arn();
    }
    return new UpdateResult(now, revision.revisionId(), versionArn);
  }

  /** {@code DescribeStateMachine} of a state machine or a version ARN. */
  @Transactional(readOnly = true)
  public Description describe(String arn) {
    Arns.Target target = arns.parseStateMachine(arn);
    return switch (target) {
      case Arns.StateMachineTarget t -> {
        StateMachineRecord sm = find(arn);
        yield new Description(arn, sm, revision(sm.revisionId()), null);
      }
      case Arns.VersionTarget v -> {
        String smArn = arns.stateMachine(v.stateMachineName());
        StateMachineRecord sm = find(smArn);
        VersionRecord version =
            repository.findVersion(smArn, v.version()).orElseThrow(() -> doesNotExist(arn));
        yield new Description(arn, sm, revision(version.revisionId()), version);
      }
      case Arns.AliasTarget a ->
          throw new ApiException(
              ErrorCode.INVALID_ARN,
              "Invalid Arn: 'Resource type not valid in this context: alias ARN "
                  + arn
                  + "; describe the alias with DescribeStateMachineAlias'");
    };
  }

  /** {@code ListStateMachines}, by name. */
  @Transactional(readOnly = true)
  public Page<StateMachineRecord> list(String nextToken, int maxResults) {
    String after = PageTokens.decode("stateMachines", nextToken);
    int size = pageSize(maxResults);
    List<StateMachineRecord> rows = repository.listStateMachines(after, size + 1);
    return page(rows, size, sm -> PageTokens.encode("stateMachines", sm.name()));
  }

  /**
   * {@code DeleteStateMachine}. Without unfinished executions the state machine, its versions,
   * aliases and tags are removed at once; otherwise it is marked {@code DELETING} and the execution
   * service removes it when the last execution ends. Deleting what does not exist succeeds, as on
   * AWS.
   */
  public void delete(String arn) {
    arns.parseUnqualified(arn);
    Optional<StateMachineRecord> sm = repository.lockStateMachine(arn);
    if (sm.isEmpty()) {
      return;
    }
    if (repository.countUnfinishedExecutions(arn) > 0) {
      repository.setStatus(arn, StateMachineRecord.Status.DELETING);
      return;
    }
    repository.deleteStateMachine(arn);
  }

  /** Whether the state machine is being deleted and waits for its executions to end. */
  @Transactional(readOnly = true)
  public boolean isDeleting(String arn) {
    return repository
        .findStateMachine(arn)
        .map(sm -> sm.status() == StateMachineRecord.Status.DELETING)
        .orElse(false);
  }

  /** Removes a {@code DELETING} state machine once it has no unfinished execution. */
  public boolean finishDeletion(String arn) {
    Optional<StateMachineRecord> sm = repository.lockStateMachine(arn);
    if (sm.isEmpty()
        || sm.get().status() != StateMachineRecord.Status.DELETING
        || repository.countUnfinishedExecutions(arn) > 0) {
      return false;
    }
    repository.deleteStateMachine(arn);
    return true;
  }

  // --- versions -------------------------------------------------------------------------------

  /**
   * {@code PublishStateMachineVersion}. Publishing a revision that already has a version answers
   * that version; a {@code revisionId} other than the current one is a {@code ConflictException}.
   */
  public VersionRecord publish(String arn, String revisionId, String description) {
    arns.parseUnqualified(arn);
    StateMachineRecord sm = requireActive(arn);
    if (revisionId != null && !revisionId.equals(sm.revisionId())) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Failed to publish the State Machine version: revisionId '"
              + revisionId
              + "' is not the current revision of '"
              + arn
              + "'");
    }
    return publishLocked(sm, sm.revisionId(), description, now());
  }

  private VersionRecord publishLocked(
      StateMachineRecord sm, String revisionId, String description, Instant now) {
    Optional<VersionRecord> existing = repository.findVersionOfRevision(sm.arn(), revisionId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (repository.countVersions(sm.arn()) >= MAX_VERSIONS) {
      throw new ApiException(
          ErrorCode.SERVICE_QUOTA_EXCEEDED,
          "State machine '"
              + sm.arn()
              + "' has "
              + MAX_VERSIONS
              + " versions, the most allowed; delete unused versions with"
              + " DeleteStateMachineVersion");
    }
    int number = sm.lastVersionNumber() + 1;
    VersionRecord version = new VersionRecord(sm.arn(), number, revisionId, description, now);
    try {
      repository.insertVersion(version);
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          ErrorCode.CONFLICT, "A version of '" + sm.arn() + "' is being published concurrently");
    }
    repository.updateStateMachine(
        sm.arn(), sm.revisionId(), sm.encryptionConfiguration(), sm.updateDate(), number);
    return version;
  }

  /** {@code ListStateMachineVersions}, newest first. */
  @Transactional(readOnly = true)
  public Page<VersionRecord> listVersions(String arn, String nextToken, int maxResults) {
    arns.parseUnqualified(arn);
    find(arn);
    String after = PageTokens.decode("versions:" + arn, nextToken);
    Integer before;
    try {
      before = after == null ? null : Integer.valueOf(after);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.INVALID_TOKEN, "Invalid Token: '" + nextToken + "'");
    }
    int size = pageSize(maxResults);
    List<VersionRecord> rows = repository.listVersions(arn, before, size + 1);
    return page(
        rows, size, v -> PageTokens.encode("versions:" + arn, Integer.toString(v.number())));
  }

  /**
   * {@code DeleteStateMachineVersion}. Refused with {@code ConflictException} while an alias routes
   * to the version; deleting a version that does not exist succeeds.
   */
  public void deleteVersion(String versionArn) {
    Arns.VersionTarget target = arns.parseVersion(versionArn);
    String smArn = arns.stateMachine(target.stateMachineName());
    if (repository.lockStateMachine(smArn).isEmpty()
        || repository.findVersion(smArn, target.version()).isEmpty()) {
      return;
    }
    List<String> aliases = repository.aliasesRoutingTo(smArn, target.version());
    if (!aliases.isEmpty()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Version ARN '"
              + versionArn
              + "' is referenced by one or more aliases: "
              + String.join(", ", aliases)
              + ". Update or delete those aliases first.");
    }
    repository.deleteVersion(smArn, target.version());
  }

  // --- aliases --------------------------------------------------------------------------------

  /** {@code CreateStateMachineAlias}. Repeating it with the same configuration is idempotent. */
  public AliasRecord createAlias(String name, String description, List<RouteRequest> routing) {
    if (!Names.isValidAliasName(name)) {
      throw ApiException.validation(
          "/name", name, "Member must satisfy regular expression pattern: " + Names.ALIAS_PATTERN);
    }
    List<AliasRecord.Route> routes = routes(routing, "/routingConfiguration");
    String smArn = routes.getFirst().stateMachineArn();
    StateMachineRecord sm = requireActiveForAlias(smArn);
    checkVersionsExist(routes);
    String aliasArn = arns.alias(smArn, name);
    Optional<AliasRecord> existing = repository.findAlias(aliasArn);
    if (existing.isPresent()) {
      AliasRecord alias = existing.get();
      if (Objects.equals(alias.description(), description) && alias.routes().equals(routes)) {
        return alias;
      }
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Alias '" + aliasArn + "' already exists with a different description or routing");
    }
    if (repository.countAliases(sm.arn()) >= MAX_ALIASES) {
      throw new ApiException(
          ErrorCode.SERVICE_QUOTA_EXCEEDED,
          "State machine '" + sm.arn() + "' has " + MAX_ALIASES + " aliases, the most allowed");
    }
    Instant now = now();
    AliasRecord alias = new AliasRecord(aliasArn, smArn, name, description, routes, now, now);
    try {
      repository.insertAlias(alias);
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          ErrorCode.CONFLICT, "Alias '" + aliasArn + "' is being created concurrently");
    }
    return alias;
  }

  /** {@code DescribeStateMachineAlias}. */
  @Transactional(readOnly = true)
  public AliasRecord describeAlias(String aliasArn) {
    arns.parseAlias(aliasArn);
    return repository.findAlias(aliasArn).orElseThrow(() -> resourceNotFound(aliasArn));
  }

  /**
   * {@code ListStateMachineAliases} of a state machine, by name. Given a version ARN, only the
   * aliases routing to that version.
   */
  @Transactional(readOnly = true)
  public Page<AliasRecord> listAliases(String arn, String nextToken, int maxResults) {
    Arns.Target target = arns.parseStateMachine(arn);
    String smArn = arns.stateMachine(target.stateMachineName());
    StateMachineRecord sm = find(smArn);
    if (sm.status() == StateMachineRecord.Status.DELETING) {
      throw deleting(smArn);
    }
    Integer onlyVersion =
        switch (target) {
          case Arns.VersionTarget v -> {
            repository.findVersion(smArn, v.version()).orElseThrow(() -> resourceNotFound(arn));
            yield v.version();
          }
          case Arns.StateMachineTarget s -> null;
          case Arns.AliasTarget a ->
              throw new ApiException(
                  ErrorCode.INVALID_ARN,
                  "Invalid Arn: 'Resource type not valid in this context: alias ARN " + arn + "'");
        };
    String listing = "aliases:" + arn;
    String after = PageTokens.decode(listing, nextToken);
    int size = pageSize(maxResults);
    if (onlyVersion == null) {
      List<AliasRecord> rows = repository.listAliases(smArn, after, size + 1);
      return page(rows, size, a -> PageTokens.encode(listing, a.name()));
    }
    // Aliases per state machine are capped at 100, so the version filter runs over all of them.
    List<AliasRecord> matching = new ArrayList<>();
    for (AliasRecord alias : repository.listAliases(smArn, after, MAX_ALIASES + 1)) {
      if (alias.routes().stream().anyMatch(r -> r.versionNumber() == onlyVersion)) {
        matching.add(alias);
      }
    }
    List<AliasRecord> window = matching.subList(0, Math.min(matching.size(), size + 1));
    return page(window, size, a -> PageTokens.encode(listing, a.name()));
  }

  /** {@code UpdateStateMachineAlias}; {@code null} members stay as they are. */
  public AliasRecord updateAlias(String aliasArn, String description, List<RouteRequest> routing) {
    Arns.AliasTarget target = arns.parseAlias(aliasArn);
    if (description == null && routing == null) {
      throw new ApiException(
          ErrorCode.VALIDATION,
          "Either the description or the routingConfiguration must be specified");
    }
    String smArn = arns.stateMachine(target.stateMachineName());
    requireActiveForAlias(smArn);
    AliasRecord alias =
        repository.findAlias(aliasArn).orElseThrow(() -> resourceNotFound(aliasArn));
    List<AliasRecord.Route> routes = alias.routes();
    if (routing != null) {
      routes = routes(routing, "/routingConfiguration");
      if (!routes.getFirst().stateMachineArn().equals(smArn)) {
        throw ApiException.validation(
            "/routingConfiguration",
            null,
            "Member must route to versions of the alias's own state machine " + smArn);
      }
      checkVersionsExist(routes);
    }
    AliasRecord updated =
        new AliasRecord(
            alias.arn(),
            alias.stateMachineArn(),
            alias.name(),
            description != null ? description : alias.description(),
            routes,
            alias.creationDate(),
            now());
    repository.updateAlias(updated);
    return updated;
  }

  /** {@code DeleteStateMachineAlias}. */
  public void deleteAlias(String aliasArn) {
    Arns.AliasTarget target = arns.parseAlias(aliasArn);
    repository.lockStateMachine(arns.stateMachine(target.stateMachineName()));
    repository.findAlias(aliasArn).orElseThrow(() -> resourceNotFound(aliasArn));
    repository.deleteAlias(aliasArn);
  }

  /**
   * The version an alias sends an execution to. The choice is a pure function of the alias ARN and
   * the execution name, so a retried start of the same execution always lands on the same version:
   * the first 8 bytes of SHA-256({@code aliasArn + "\n" + executionName}), read as an unsigned
   * number, modulo 100, pick the route whose cumulative weight first exceeds it.
   */
  public static AliasRecord.Route route(AliasRecord alias, String executionName) {
    byte[] digest = sha256(alias.arn() + "\n" + executionName);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xFF);
    }
    int bucket = (int) Long.remainderUnsigned(value, 100);
    int cumulative = 0;
    for (AliasRecord.Route route : alias.routes()) {
      cumulative += route.weight();
      if (bucket < cumulative) {
        return route;
      }
    }
    // Weights add up to 100, so this is only reached by a corrupt alias.
    throw new IllegalStateException(
        "Alias " + alias.arn() + " has weights that do not add up to 100");
  }

  /**
   * What an execution named {@code executionName} started through {@code arn} (a state machine,
   * version or alias ARN) runs: the exact revision, and the version and alias it came through.
   */
  @Transactional(readOnly = true)
  public ExecutionTarget resolveForExecution(String arn, String executionName) {
    Arns.Target target = arns.parseStateMachine(arn);
    String smArn = arns.stateMachine(target.stateMachineName());
    StateMachineRecord sm = find(smArn);
    if (sm.status() == StateMachineRecord.Status.DELETING) {
      throw deleting(smArn);
    }
    return switch (target) {
      case Arns.StateMachineTarget s ->
          new ExecutionTarget(sm, revision(sm.revisionId()), null, null, null);
      case Arns.VersionTarget v -> {
        VersionRecord version =
            repository.findVersion(smArn, v.version()).orElseThrow(() -> doesNotExist(arn));
        yield new ExecutionTarget(sm, revision(version.revisionId()), v.version(), null, arn);
      }
      case Arns.AliasTarget a -> {
        AliasRecord alias = repository.findAlias(arn).orElseThrow(() -> doesNotExist(arn));
        AliasRecord.Route route = route(alias, executionName);
        VersionRecord version =
            repository
                .findVersion(smArn, route.versionNumber())
                .orElseThrow(() -> doesNotExist(route.versionArn()));
        yield new ExecutionTarget(
            sm, revision(version.revisionId()), route.versionNumber(), arn, arn);
      }
    };
  }

  /** A revision by id, for executions that pinned it. */
  @Transactional(readOnly = true)
  public Optional<Revision> findRevision(String revisionId) {
    return repository.findRevision(revisionId);
  }

  // --- tags -----------------------------------------------------------------------------------

  /** {@code TagResource}: adds or overwrites tags on a state machine. */
  public void tag(String resourceArn, List<Tag> tags) {
    arns.parseUnqualified(resourceArn);
    checkTags(tags, "/tags");
    if (repository.lockStateMachine(resourceArn).isEmpty()) {
      throw resourceNotFound(resourceArn);
    }
    Map<String, String> merged = new LinkedHashMap<>();
    for (Tag tag : repository.tags(resourceArn)) {
      merged.put(tag.key(), tag.value());
    }
    for (Tag tag : tags) {
      merged.put(tag.key(), tag.value());
    }
    if (merged.size() > MAX_TAGS) {
      throw tooManyTags(resourceArn);
    }
    for (Tag tag : tags) {
      repository.putTag(resourceArn, tag);
    }
  }

  /** {@code UntagResource}: removes the keys given; absent keys are ignored. */
  public void untag(String resourceArn, List<String> keys) {
    arns.parseUnqualified(resourceArn);
    if (repository.lockStateMachine(resourceArn).isEmpty()) {
      throw resourceNotFound(resourceArn);
    }
    for (String key : keys) {
      repository.removeTag(resourceArn, key);
    }
  }

  /** {@code ListTagsForResource}, by key. */
  @Transactional(readOnly = true)
  public List<Tag> tags(String resourceArn) {
    arns.parseUnqualified(resourceArn);
    if (repository.findStateMachine(resourceArn).isEmpty()) {
      throw resourceNotFound(resourceArn);
    }
    return repository.tags(resourceArn);
  }

  // --- checks ---------------------------------------------------------------------------------

  private void requireName(String name) {
    if (!Names.hasValidLength(name)) {
      throw ApiException.validation(
          "/name", name, "Member must have length less than or equal to " + Names.MAX_LENGTH);
    }
    if (!Names.isValidResourceName(name)) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
  }

  // There is no IAM here, so a role is only checked to be an IAM role ARN.
  private static void requireRoleArn(String roleArn) {
    String[] parts = roleArn.split(":", 6);
    if (parts.length < 6
        || !parts[0].equals("arn")
        || !parts[2].equals("iam")
        || !parts[5].startsWith("role/")
        || parts[5].length() <= "role/".length()) {
      throw new ApiException(
          ErrorCode.INVALID_ARN,
          "Invalid Arn: 'Resource type not valid in this context: roleArn '"
              + roleArn
              + "' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)'");
    }
  }

  private void checkDefinition(String definition, StateMachineType type) {
    if (definition.getBytes(StandardCharsets.UTF_8).length > maxDefinitionBytes) {
      throw ApiException.validation(
          "/definition",
          null,
          "Member must have length less than or equal to " + maxDefinitionBytes);
    }
    DefinitionValidator.Report report =
        validator.validate(definition, new DefinitionValidator.Options(type.name(), "ERROR", 0));
    if (!report.ok()) {
      String found =
          report.diagnostics().stream()
              .filter(d -> d.severity().equals("ERROR"))
              .map(
                  d ->
                      d.code()
                          + ": "
                          + d.message()
                          + (d.location() == null ? "" : " at " + d.location()))
              .collect(Collectors.joining(", "));
      throw new ApiException(
          ErrorCode.INVALID_DEFINITION,
          "Invalid State Machine Definition: '"
              + found
              + (report.truncated() ? ", ..." : "")
              + "'");
    }
  }

  private void checkTags(List<Tag> tags, String pointer) {
    List<FieldIssue> issues = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      if (tag.key() == null) {
        issues.add(new FieldIssue(pointer + "/" + i + "/key", null, "Member must not be null"));
      } else if (tag.key().isEmpty() || tag.key().length() > 128) {
        issues.add(
            new FieldIssue(
                pointer + "/" + i + "/key",
                tag.key(),
                "Member must have length between 1 and 128"));
      } else if (!TAG_TEXT.matcher(tag.key()).matches()) {
        issues.add(
            new FieldIssue(
                pointer + "/" + i + "/key",
                tag.key(),
                "Member must contain only Unicode letters, digits, white space, or _ . : / = + - @"));
      }
      String value = tag.value() == null ? "" : tag.value();
      if (value.length() > 256) {
        issues.add(
            new FieldIssue(
                pointer + "/" + i + "/value",
                value,
                "Member must have length less than or equal to 256"));
      } else if (!TAG_TEXT.matcher(value).matches()) {
        issues.add(
            new FieldIssue(
                pointer + "/" + i + "/value",
                value,
                "Member must contain only Unicode letters, digits, white space, or _ . : / = + - @"));
      }
    }
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
  }

  private List<AliasRecord.Route> routes(List<RouteRequest> routing, String pointer) {
    if (routing.isEmpty() || routing.size() > 2) {
      throw ApiException.validation(
          pointer,
          null,
          "Member must have length greater than or equal to 1 and less than or equal to 2");
    }
    List<AliasRecord.Route> routes = new ArrayList<>();
    List<FieldIssue> issues = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < routing.size(); i++) {
      RouteRequest request = routing.get(i);
      Arns.VersionTarget version = arns.parseVersion(request.stateMachineVersionArn());
      if (request.weight() < 0 || request.weight() > 100) {
        issues.add(
            new FieldIssue(
                pointer + "/" + i + "/weight",
                Integer.toString(request.weight()),
                "Member must have value between 0 and 100"));
      }
      total += request.weight();
      routes.add(
          new AliasRecord.Route(
              arns.stateMachine(version.stateMachineName()), version.version(), request.weight()));
    }
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    if (routes.size() == 2) {
      if (!routes.get(0).stateMachineArn().equals(routes.get(1).stateMachineArn())) {
        throw ApiException.validation(
            pointer, null, "Member must route to versions of one state machine");
      }
      if (routes.get(0).versionNumber() == routes.get(1).versionNumber()) {
        throw ApiException.validation(pointer, null, "Member must route to two different versions");
      }
    }
    if (total != 100) {
      throw ApiException.validation(
          pointer, Integer.toString(total), "Member must have weights that add up to 100");
    }
    return routes;
  }

  private void checkVersionsExist(List<AliasRecord.Route> routes) {
    for (AliasRecord.Route route : routes) {
      if (repository.findVersion(route.stateMachineArn(), route.versionNumber()).isEmpty()) {
        throw resourceNotFound(route.versionArn());
      }
    }
  }

  private StateMachineRecord requireActiveForAlias(String smArn) {
    StateMachineRecord sm =
        repository.lockStateMachine(smArn).orElseThrow(() -> resourceNotFound(smArn));
    if (sm.status() == StateMachineRecord.Status.DELETING) {
      throw deleting(smArn);
    }
    return sm;
  }

  private StateMachineRecord requireActive(String arn) {
    StateMachineRecord sm = repository.lockStateMachine(arn).orElseThrow(() -> doesNotExist(arn));
    if (sm.status() == StateMachineRecord.Status.DELETING) {
      throw deleting(arn);
    }
    return sm;
  }

  private StateMachineRecord find(String arn) {
    return repository.findStateMachine(arn).orElseThrow(() -> doesNotExist(arn));
  }

  private Revision revision(String revisionId) {
    return repository
        .findRevision(revisionId)
        .orElseThrow(() -> new IllegalStateException("Revision " + revisionId + " is missing"));
  }

  private Revision newRevision(
      String arn, String definition, String roleArn, String logging, String tracing, Instant now) {
    return new Revision(
        UUID.randomUUID().toString(),
        arn,
        definition,
        HexFormat.of().formatHex(sha256(definition)),
        roleArn,
        logging,
        tracing,
        now);
  }

  private String loggingJson(LoggingConfiguration given) {
    LoggingConfiguration logging =
        new LoggingConfiguration(
            given == null || given.level() == null ? LogLevel.OFF : given.level(),
            given == null || given.includeExecutionData() == null
                ? Boolean.FALSE
                : given.includeExecutionData(),
            given == null || given.destinations() == null ? null : given.destinations());
    int destinations = logging.destinations() == null ? 0 : logging.destinations().size();
    if (logging.level() != LogLevel.OFF && destinations != 1) {
      throw new ApiException(
          ErrorCode.INVALID_LOGGING_CONFIGURATION,
          "Invalid Logging Configuration: Must specify exactly one Log Destination when the level"
              + " is not OFF.");
    }
    if (destinations > 1) {
      throw new ApiException(
          ErrorCode.INVALID_LOGGING_CONFIGURATION,
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    if (destinations == 1) {
      var destination = logging.destinations().getFirst();
      if (destination == null
          || destination.cloudWatchLogsLogGroup() == null
          || destination.cloudWatchLogsLogGroup().logGroupArn() == null
          || !destination.cloudWatchLogsLogGroup().logGroupArn().startsWith("arn:")) {
        throw new ApiException(
            ErrorCode.INVALID_LOGGING_CONFIGURATION,
            "Invalid Logging Configuration: The destination must be a CloudWatch Logs log group"
                + " ARN.");
      }
    }
    return write(logging);
  }

  private String tracingJson(TracingConfiguration given) {
    return write(
        new TracingConfiguration(
            given == null || given.enabled() == null ? Boolean.FALSE : given.enabled()));
  }

  private String encryptionJson(EncryptionConfiguration given) {
    if (given == null) {
      return null;
    }
    if (given.type() == null) {
      throw ApiException.validation(
          "/encryptionConfiguration/type", null, "Member must not be null");
    }
    // Deliberate deviation: there is no KMS here, and accepting a customer key would promise an
    // encryption that does not happen.
    if (given.type() == EncryptionType.CUSTOMER_MANAGED_KMS_KEY) {
      throw new ApiException(
          ErrorCode.INVALID_ENCRYPTION_CONFIGURATION,
          "Invalid Encryption Configuration: CUSTOMER_MANAGED_KMS_KEY is not supported; use"
              + " AWS_OWNED_KEY");
    }
    if (given.kmsKeyId() != null || given.kmsDataKeyReusePeriodSeconds() != null) {
      throw new ApiException(
          ErrorCode.INVALID_ENCRYPTION_CONFIGURATION,
          "Invalid Encryption Configuration: kmsKeyId and kmsDataKeyReusePeriodSeconds apply only"
              + " to CUSTOMER_MANAGED_KMS_KEY");
    }
    return write(given);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  private static <T> Page<T> page(
      List<T> rows, int size, java.util.function.Function<T, String> token) {
    if (rows.size() <= size) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, size);
    return new Page<>(items, token.apply(items.getLast()));
  }

  private static int pageSize(int maxResults) {
    if (maxResults < 0 || maxResults > MAX_PAGE) {
      throw ApiException.validation(
          "/maxResults",
          Integer.toString(maxResults),
          "Member must have value between 0 and " + MAX_PAGE);
    }
    return maxResults == 0 ? DEFAULT_PAGE : maxResults;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ApiException versionDescriptionWithoutPublish() {
    return ApiException.validation(
        "/versionDescription", null, "Member can only be set when publish is true");
  }

  private static ApiException doesNotExist(String arn) {
    return new ApiException(
        ErrorCode.STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn + "'");
  }

  private static ApiException deleting(String arn) {
    return new ApiException(
        ErrorCode.STATE_MACHINE_DELETING, "State machine is being deleted: '" + arn + "'");
  }

  private static ApiException resourceNotFound(String arn) {
    return new ApiException(
        ErrorCode.RESOURCE_NOT_FOUND, "Resource not found: '" + arn + "'", List.of(), arn);
  }

  private static ApiException tooManyTags(String arn) {
    return new ApiException(
        ErrorCode.TOO_MANY_TAGS,
        "Too many tags: a resource has at most " + MAX_TAGS + " tags",
        List.of(),
        arn);
  }
}
