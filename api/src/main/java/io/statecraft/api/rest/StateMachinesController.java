package io.statecraft.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.rest.RestShapes.AliasList;
import io.statecraft.api.rest.RestShapes.AliasView;
import io.statecraft.api.rest.RestShapes.CreateAliasBody;
import io.statecraft.api.rest.RestShapes.CreateStateMachineBody;
import io.statecraft.api.rest.RestShapes.DiagnosticView;
import io.statecraft.api.rest.RestShapes.PublishBody;
import io.statecraft.api.rest.RestShapes.RouteBody;
import io.statecraft.api.rest.RestShapes.RouteView;
import io.statecraft.api.rest.RestShapes.StateMachineList;
import io.statecraft.api.rest.RestShapes.StateMachineSummary;
import io.statecraft.api.rest.RestShapes.StateMachineView;
import io.statecraft.api.rest.RestShapes.TagsBody;
import io.statecraft.api.rest.RestShapes.TagsView;
import io.statecraft.api.rest.RestShapes.UpdateAliasBody;
import io.statecraft.api.rest.RestShapes.UpdateResult;
import io.statecraft.api.rest.RestShapes.UpdateStateMachineBody;
import io.statecraft.api.rest.RestShapes.ValidateBody;
import io.statecraft.api.rest.RestShapes.ValidationView;
import io.statecraft.api.rest.RestShapes.VersionList;
import io.statecraft.api.rest.RestShapes.VersionView;
import io.statecraft.api.statemachines.AliasRecord;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRecord;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.statemachines.StateMachineType;
import io.statecraft.api.statemachines.Tag;
import io.statecraft.api.statemachines.VersionRecord;
import io.statecraft.api.validation.DefinitionValidator;
import io.statecraft.api.validation.Names;
import io.statecraft.api.validation.RequestBinder;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** State machines, their versions, aliases and tags, and definition validation, as resources. */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnRole(ConditionalOnRole.Part.API)
@io.swagger.v3.oas.annotations.tags.Tag(name = "State machines")
class StateMachinesController {

  private final StateMachineRegistry registry;
  private final DefinitionValidator validator;
  private final RequestBinder binder;
  private final Arns arns;
  private final ObjectMapper json;
  private final String defaultRoleArn;

  StateMachinesController(
      StateMachineRegistry registry,
      DefinitionValidator validator,
      RequestBinder binder,
      Arns arns,
      ObjectMapper json,
      StatecraftProperties properties) {
    this.registry = registry;
    this.validator = validator;
    this.binder = binder;
    this.arns = arns;
    this.json = json;
    this.defaultRoleArn =
        "arn:aws:iam::" + properties.aws().accountId() + ":role/StatecraftExecutionRole";
  }

  // --- state machines -------------------------------------------------------------------------

  @Operation(summary = "List state machines, by name")
  @GetMapping("/state-machines")
  StateMachineList list(
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken) {
    Page<StateMachineRecord> page = registry.list(nextToken, maxResults);
    return new StateMachineList(
        page.items().stream()
            .map(sm -> new StateMachineSummary(sm.name(), sm.arn(), sm.type(), sm.creationDate()))
            .toList(),
        page.nextToken());
  }

  @Operation(summary = "Create a state machine")
  @PostMapping("/state-machines")
  ResponseEntity<StateMachineView> create(@RequestBody CreateStateMachineBody body) {
    binder.check(body);
    List<Tag> tags = new ArrayList<>();
    if (body.tags() != null) {
      body.tags().forEach((k, v) -> tags.add(new Tag(k, v == null ? "" : v)));
    }
    StateMachineRegistry.CreateResult result =
        registry.create(
            new StateMachineRegistry.CreateCommand(
                body.name(),
                definitionText(body.definition(), "/definition"),
                body.roleArn() == null ? defaultRoleArn : body.roleArn(),
                body.type(),
                body.loggingConfiguration(),
                body.tracingConfiguration(),
                body.encryptionConfiguration(),
                Boolean.TRUE.equals(body.publish()),
                body.versionDescription(),
                tags));
    return ResponseEntity.created(URI.create("/api/v1/state-machines/" + body.name()))
        .body(view(registry.describe(result.stateMachineArn())));
  }

  @Operation(summary = "Describe a state machine, with its current definition")
  @GetMapping("/state-machines/{name}")
  StateMachineView describe(@PathVariable String name) {
    return view(registry.describe(arn(name)));
  }

  @Operation(summary = "Update a state machine; a changed configuration becomes a new revision")
  @PatchMapping("/state-machines/{name}")
  UpdateResult update(@PathVariable String name, @RequestBody UpdateStateMachineBody body) {
    binder.check(body);
    StateMachineRegistry.UpdateResult result =
        registry.update(
            new StateMachineRegistry.UpdateCommand(
                arn(name),
                body.definition() == null ? null : definitionText(body.definition(), "/definition"),
                body.roleArn(),
                body.loggingConfiguration(),
                body.tracingConfiguration(),
                body.encryptionConfiguration(),
                Boolean.TRUE.equals(body.publish()),
                body.versionDescription()));
    return new UpdateResult(result.updateDate(), result.revisionId(), result.versionArn());
  }

  @Operation(summary = "Delete a state machine with its versions, aliases and tags")
  @DeleteMapping("/state-machines/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    String arn = arn(name);
    registry.describe(arn);
    registry.delete(arn);
    return ResponseEntity.noContent().build();
  }

  // --- versions -------------------------------------------------------------------------------

  @Operation(summary = "List published versions, newest first")
  @GetMapping("/state-machines/{name}/versions")
  VersionList versions(
      @PathVariable String name,
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken) {
    Page<VersionRecord> page = registry.listVersions(arn(name), nextToken, maxResults);
    return new VersionList(page.items().stream().map(this::view).toList(), page.nextToken());
  }

  @Operation(summary = "Publish the current revision as a new version")
  @PostMapping("/state-machines/{name}/versions")
  ResponseEntity<VersionView> publish(
      @PathVariable String name, @RequestBody(required = false) PublishBody body) {
    PublishBody given = body == null ? new PublishBody(null, null) : body;
    binder.check(given);
    VersionRecord version = registry.publish(arn(name), given.revisionId(), given.description());
    return ResponseEntity.created(
            URI.create("/api/v1/state-machines/" + name + "/versions/" + version.number()))
        .body(view(version));
  }

  @Operation(summary = "Describe a version, with the definition it froze")
  @GetMapping("/state-machines/{name}/versions/{version}")
  StateMachineView version(@PathVariable String name, @PathVariable int version) {
    return view(registry.describe(arns.version(arn(name), positive(version))));
  }

  @Operation(summary = "Delete a version; refused while an alias routes to it")
  @DeleteMapping("/state-machines/{name}/versions/{version}")
  ResponseEntity<Void> deleteVersion(@PathVariable String name, @PathVariable int version) {
    String versionArn = arns.version(arn(name), positive(version));
    registry.describe(versionArn);
    registry.deleteVersion(versionArn);
    return ResponseEntity.noContent().build();
  }

  // --- aliases --------------------------------------------------------------------------------

  @Operation(summary = "List aliases, by name")
  @GetMapping("/state-machines/{name}/aliases")
  AliasList aliases(
      @PathVariable String name,
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken) {
    Page<AliasRecord> page = registry.listAliases(arn(name), nextToken, maxResults);
    return new AliasList(page.items().stream().map(this::view).toList(), page.nextToken());
  }

  @Operation(summary = "Create an alias routing between one or two versions")
  @PostMapping("/state-machines/{name}/aliases")
  ResponseEntity<AliasView> createAlias(
      @PathVariable String name, @RequestBody CreateAliasBody body) {
    binder.check(body);
    AliasRecord alias =
        registry.createAlias(body.name(), body.description(), routes(name, body.routing()));
    return ResponseEntity.created(
            URI.create("/api/v1/state-machines/" + name + "/aliases/" + alias.name()))
        .body(view(alias));
  }

  @Operation(summary = "Describe an alias")
  @GetMapping("/state-machines/{name}/aliases/{alias}")
  AliasView alias(@PathVariable String name, @PathVariable String alias) {
    return view(registry.describeAlias(aliasArn(name, alias)));
  }

  @Operation(summary = "Change an alias's description or routing")
  @PatchMapping("/state-machines/{name}/aliases/{alias}")
  AliasView updateAlias(
      @PathVariable String name, @PathVariable String alias, @RequestBody UpdateAliasBody body) {
    binder.check(body);
    return view(
        registry.updateAlias(
            aliasArn(name, alias),
            body.description(),
            body.routing() == null ? null : routes(name, body.routing())));
  }

  @Operation(summary = "Delete an alias")
  @DeleteMapping("/state-machines/{name}/aliases/{alias}")
  ResponseEntity<Void> deleteAlias(@PathVariable String name, @PathVariable String alias) {
    registry.deleteAlias(aliasArn(name, alias));
    return ResponseEntity.noContent().build();
  }

  // --- tags -----------------------------------------------------------------------------------

  @Operation(summary = "A state machine's tags")
  @GetMapping("/state-machines/{name}/tags")
  TagsView tags(@PathVariable String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    registry.tags(arn(name)).forEach(t -> tags.put(t.key(), t.value()));
    return new TagsView(tags);
  }

  @Operation(summary = "Add or overwrite tags")
  @PostMapping("/state-machines/{name}/tags")
  TagsView tag(@PathVariable String name, @RequestBody TagsBody body) {
    binder.check(body);
    List<Tag> tags = new ArrayList<>();
    body.tags().forEach((k, v) -> tags.add(new Tag(k, v == null ? "" : v)));
    registry.tag(arn(name), tags);
    return tags(name);
  }

  @Operation(summary = "Remove a tag")
  @DeleteMapping("/state-machines/{name}/tags/{key}")
  ResponseEntity<Void> untag(@PathVariable String name, @PathVariable String key) {
    registry.untag(arn(name), List.of(key));
    return ResponseEntity.noContent().build();
  }

  // --- validation -----------------------------------------------------------------------------

  @Operation(summary = "Validate a definition without creating anything")
  @PostMapping("/validate")
  ValidationView validate(@RequestBody ValidateBody body) {
    binder.check(body);
    String severity = body.severity() == null ? "ERROR" : body.severity();
    if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
      throw ApiException.validation(
          "/severity", severity, "Member must satisfy enum value set: [ERROR, WARNING]");
    }
    DefinitionValidator.Report report =
        validator.validate(
            definitionText(body.definition(), "/definition"),
            new DefinitionValidator.Options(
                (body.type() == null ? StateMachineType.STANDARD : body.type()).name(),
                severity,
                body.maxResults() == null ? 0 : body.maxResults()));
    return new ValidationView(
        report.result(),
        report.diagnostics().stream()
            .map(d -> new DiagnosticView(d.severity(), d.code(), d.message(), d.location()))
            .toList(),
        report.truncated());
  }

  // --- internals -------------------------------------------------------------------------------

  private String arn(String name) {
    if (!Names.isValidResourceName(name)) {
      throw new ApiException(
          io.statecraft.api.error.ErrorCode.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
    return arns.stateMachine(name);
  }

  private String aliasArn(String name, String alias) {
    if (!Names.isValidAliasName(alias)) {
      throw ApiException.validation(
          "/alias",
          alias,
          "Member must satisfy regular expression pattern: " + Names.ALIAS_PATTERN);
    }
    return arns.alias(arn(name), alias);
  }

  private static int positive(int version) {
    if (version < 1) {
      throw ApiException.validation(
          "/version",
          Integer.toString(version),
          "Member must have value greater than or equal to 1");
    }
    return version;
  }

  private List<StateMachineRegistry.RouteRequest> routes(String name, List<RouteBody> routing) {
    String smArn = arn(name);
    return routing.stream()
        .map(
            r ->
                new StateMachineRegistry.RouteRequest(arns.version(smArn, r.version()), r.weight()))
        .toList();
  }

  /** A definition given as a JSON object is stored as its JSON text; a string is used as is. */
  private String definitionText(JsonNode definition, String pointer) {
    if (definition.isTextual()) {
      return definition.textValue();
    }
    if (!definition.isObject()) {
      throw ApiException.validation(
          pointer, null, "Member must be a JSON object or a string holding one");
    }
    try {
      return json.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a parsed definition", e);
    }
  }

  private StateMachineView view(StateMachineRegistry.Description d) {
    return new StateMachineView(
        d.stateMachine().name(),
        d.arn(),
        d.stateMachine().status().name(),
        d.stateMachine().type(),
        readOrText(d.revision().definition()),
        d.revision().definitionSha256(),
        d.revision().revisionId(),
        d.revision().roleArn(),
        readOrText(d.revision().loggingConfiguration()),
        readOrText(d.revision().tracingConfiguration()),
        d.stateMachine().encryptionConfiguration() == null
            ? json.createObjectNode().put("type", "AWS_OWNED_KEY")
            : readOrText(d.stateMachine().encryptionConfiguration()),
        d.creationDate(),
        d.version() == null ? d.stateMachine().updateDate() : null,
        d.version() == null ? null : d.version().number(),
        d.version() == null ? null : d.version().description());
  }

  private VersionView view(VersionRecord v) {
    return new VersionView(v.number(), v.arn(), v.revisionId(), v.description(), v.creationDate());
  }

  private AliasView view(AliasRecord a) {
    return new AliasView(
        a.name(),
        a.arn(),
        a.description(),
        a.routes().stream()
            .map(r -> new RouteView(r.versionNumber(), r.versionArn(), r.weight()))
            .toList(),
        a.creationDate(),
        a.updateDate());
  }

  /** Stored JSON as a tree; text that is not JSON (never stored by this API) as a string. */
  private JsonNode readOrText(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }
}
