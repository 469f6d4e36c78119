package io.statecraft.api.awsjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.awsjson.AwsShapes.AliasArnRequest;
import io.statecraft.api.awsjson.AwsShapes.AliasListItem;
import io.statecraft.api.awsjson.AwsShapes.CreateAliasRequest;
import io.statecraft.api.awsjson.AwsShapes.CreateAliasResponse;
import io.statecraft.api.awsjson.AwsShapes.CreateStateMachineRequest;
import io.statecraft.api.awsjson.AwsShapes.CreateStateMachineResponse;
import io.statecraft.api.awsjson.AwsShapes.DescribeAliasResponse;
import io.statecraft.api.awsjson.AwsShapes.DescribeStateMachineRequest;
import io.statecraft.api.awsjson.AwsShapes.DescribeStateMachineResponse;
import io.statecraft.api.awsjson.AwsShapes.Diagnostic;
import io.statecraft.api.awsjson.AwsShapes.Empty;
import io.statecraft.api.awsjson.AwsShapes.IncludedData;
import io.statecraft.api.awsjson.AwsShapes.ListAliasesResponse;
import io.statecraft.api.awsjson.AwsShapes.ListByStateMachineRequest;
import io.statecraft.api.awsjson.AwsShapes.ListStateMachinesRequest;
import io.statecraft.api.awsjson.AwsShapes.ListStateMachinesResponse;
import io.statecraft.api.awsjson.AwsShapes.ListTagsResponse;
import io.statecraft.api.awsjson.AwsShapes.ListVersionsResponse;
import io.statecraft.api.awsjson.AwsShapes.PublishRequest;
import io.statecraft.api.awsjson.AwsShapes.PublishResponse;
import io.statecraft.api.awsjson.AwsShapes.ResourceArnRequest;
import io.statecraft.api.awsjson.AwsShapes.RoutingMember;
import io.statecraft.api.awsjson.AwsShapes.RoutingOut;
import io.statecraft.api.awsjson.AwsShapes.StateMachineArnRequest;
import io.statecraft.api.awsjson.AwsShapes.StateMachineListItem;
import io.statecraft.api.awsjson.AwsShapes.TagOut;
import io.statecraft.api.awsjson.AwsShapes.TagResourceRequest;
import io.statecraft.api.awsjson.AwsShapes.UntagResourceRequest;
import io.statecraft.api.awsjson.AwsShapes.UpdateAliasRequest;
import io.statecraft.api.awsjson.AwsShapes.UpdateAliasResponse;
import io.statecraft.api.awsjson.AwsShapes.UpdateStateMachineRequest;
import io.statecraft.api.awsjson.AwsShapes.UpdateStateMachineResponse;
import io.statecraft.api.awsjson.AwsShapes.ValidateRequest;
import io.statecraft.api.awsjson.AwsShapes.ValidateResponse;
import io.statecraft.api.awsjson.AwsShapes.VersionArnRequest;
import io.statecraft.api.awsjson.AwsShapes.VersionListItem;
import io.statecraft.api.statemachines.AliasRecord;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRecord;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.statemachines.StateMachineType;
import io.statecraft.api.statemachines.Tag;
import io.statecraft.api.statemachines.VersionRecord;
import io.statecraft.api.validation.DefinitionValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry's actions on the AWS protocol: request shapes in, response shapes out. */
final class StateMachineActions {

  private final StateMachineRegistry registry;
  private final DefinitionValidator validator;
  private final ObjectMapper json;

  StateMachineActions(
      StateMachineRegistry registry, DefinitionValidator validator, ObjectMapper json) {
    this.registry = registry;
    this.validator = validator;
    this.json = json;
  }

  /** The table of actions served, by name. */
  Map<String, AwsAction<?>> table() {
    Map<String, AwsAction<?>> table = new TreeMap<>();
    add(table, "CreateStateMachine", CreateStateMachineRequest.class, this::create);
    add(table, "UpdateStateMachine", UpdateStateMachineRequest.class, this::update);
    add(table, "DescribeStateMachine", DescribeStateMachineRequest.class, this::describe);
    add(table, "ListStateMachines", ListStateMachinesRequest.class, this::list);
    add(table, "DeleteStateMachine", StateMachineArnRequest.class, this::delete);
    add(table, "ValidateStateMachineDefinition", ValidateRequest.class, this::validate);
    add(table, "PublishStateMachineVersion", PublishRequest.class, this::publish);
    add(table, "ListStateMachineVersions", ListByStateMachineRequest.class, this::listVersions);
    add(table, "DeleteStateMachineVersion", VersionArnRequest.class, this::deleteVersion);
    add(table, "CreateStateMachineAlias", CreateAliasRequest.class, this::createAlias);
    add(table, "DescribeStateMachineAlias", AliasArnRequest.class, this::describeAlias);
    add(table, "ListStateMachineAliases", ListByStateMachineRequest.class, this::listAliases);
    add(table, "UpdateStateMachineAlias", UpdateAliasRequest.class, this::updateAlias);
    add(table, "DeleteStateMachineAlias", AliasArnRequest.class, this::deleteAlias);
    add(table, "TagResource", TagResourceRequest.class, this::tag);
    add(table, "UntagResource", UntagResourceRequest.class, this::untag);
    add(table, "ListTagsForResource", ResourceArnRequest.class, this::listTags);
    return table;
  }

  private static <T> void add(
      Map<String, AwsAction<?>> table,
      String name,
      Class<T> type,
      java.util.function.Function<T, Object> handler) {
    table.put(name, new AwsAction<>(name, type, handler));
  }

  private Object create(CreateStateMachineRequest r) {
    List<Tag> tags = new ArrayList<>();
    if (r.tags() != null) {
      r.tags().forEach(t -> tags.add(new Tag(t.key(), t.value() == null ? "" : t.value())));
    }
    StateMachineRegistry.CreateResult result =
        registry.create(
            new StateMachineRegistry.CreateCommand(
                r.name(),
                r.definition(),
                r.roleArn(),
                r.type(),
                r.loggingConfiguration(),
                r.tracingConfiguration(),
                r.encryptionConfiguration(),
                Boolean.TRUE.equals(r.publish()),
                r.versionDescription(),
                tags));
    return new CreateStateMachineResponse(
        result.stateMachineArn(), result.creationDate(), result.versionArn());
  }

  private Object update(UpdateStateMachineRequest r) {
    StateMachineRegistry.UpdateResult result =
        registry.update(
            new StateMachineRegistry.UpdateCommand(
                r.stateMachineArn(),
                r.definition(),
                r.roleArn(),
                r.loggingConfiguration(),
                r.tracingConfiguration(),
                r.encryptionConfiguration(),
                Boolean.TRUE.equals(r.publish()),
                r.versionDescription()));
    return new UpdateStateMachineResponse(
        result.updateDate(), result.revisionId(), result.versionArn());
  }

  private Object describe(DescribeStateMachineRequest r) {
    StateMachineRegistry.Description d = registry.describe(r.stateMachineArn());
    boolean withDefinition = r.includedData() != IncludedData.METADATA_ONLY;
    return new DescribeStateMachineResponse(
        d.arn(),
        d.stateMachine().name(),
        d.stateMachine().status().name(),
        withDefinition ? d.revision().definition() : null,
        d.revision().roleArn(),
        d.stateMachine().type().name(),
        d.creationDate(),
        tree(d.revision().loggingConfiguration()),
        tree(d.revision().tracingConfiguration()),
        d.revision().revisionId(),
        d.version() == null ? null : d.version().description(),
        d.stateMachine().encryptionConfiguration() == null
            ? json.createObjectNode().put("type", "AWS_OWNED_KEY")
            : tree(d.stateMachine().encryptionConfiguration()));
  }

  private Object list(ListStateMachinesRequest r) {
    Page<StateMachineRecord> page =
        registry.list(r.nextToken(), r.maxResults() == null ? 0 : r.maxResults());
    return new ListStateMachinesResponse(
        page.items().stream()
            .map(
                sm ->
                    new StateMachineListItem(
                        sm.arn(), sm.name(), sm.type().name(), sm.creationDate()))
            .toList(),
        page.nextToken());
  }

  private Object delete(StateMachineArnRequest r) {
    registry.delete(r.stateMachineArn());
    return new Empty();
  }

  private Object validate(ValidateRequest r) {
    DefinitionValidator.Report report =
        validator.validate(
            r.definition(),
            new DefinitionValidator.Options(
                (r.type() == null ? StateMachineType.STANDARD : r.type()).name(),
                r.severity() == null ? "ERROR" : r.severity().name(),
                r.maxResults() == null ? 0 : r.maxResults()));
    return new ValidateResponse(
        report.result(),
        report.diagnostics().stream()
            .map(d -> new Diagnostic(d.severity(), d.code(), d.message(), d.location()))
            .toList(),
        report.truncated());
  }

  private Object publish(PublishRequest r) {
    VersionRecord version = registry.publish(r.stateMachineArn(), r.revisionId(), r.description());
    return new PublishResponse(version.creationDate(), version.arn());
  }

  private Object listVersions(ListByStateMachineRequest r) {
    Page<VersionRecord> page =
        registry.listVersions(
            r.stateMachineArn(), r.nextToken(), r.maxResults() == null ? 0 : r.maxResults());
    return new ListVersionsResponse(
        page.items().stream().map(v -> new VersionListItem(v.arn(), v.creationDate())).toList(),
        page.nextToken());
  }

  private Object deleteVersion(VersionArnRequest r) {
    registry.deleteVersion(r.stateMachineVersionArn());
    return new Empty();
  }

  private Object createAlias(CreateAliasRequest r) {
    AliasRecord alias =
        registry.createAlias(r.name(), r.description(), routes(r.routingConfiguration()));
    return new CreateAliasResponse(alias.arn(), alias.creationDate());
  }

  private Object describeAlias(AliasArnRequest r) {
    AliasRecord alias = registry.describeAlias(r.stateMachineAliasArn());
    return new DescribeAliasResponse(
        alias.arn(),
        alias.name(),
        alias.description(),
        alias.routes().stream().map(x -> new RoutingOut(x.versionArn(), x.weight())).toList(),
        alias.creationDate(),
        alias.updateDate());
  }

  private Object listAliases(ListByStateMachineRequest r) {
    Page<AliasRecord> page =
        registry.listAliases(
            r.stateMachineArn(), r.nextToken(), r.maxResults() == null ? 0 : r.maxResults());
    return new ListAliasesResponse(
        page.items().stream().map(a -> new AliasListItem(a.arn(), a.creationDate())).toList(),
        page.nextToken());
  }

  private Object updateAlias(UpdateAliasRequest r) {
    AliasRecord alias =
        registry.updateAlias(
            r.stateMachineAliasArn(),
            r.description(),
            r.routingConfiguration() == null ? null : routes(r.routingConfiguration()));
    return new UpdateAliasResponse(alias.updateDate());
  }

  private Object deleteAlias(AliasArnRequest r) {
    registry.deleteAlias(r.stateMachineAliasArn());
    return new Empty();
  }

  private Object tag(TagResourceRequest r) {
    registry.tag(
        r.resourceArn(),
        r.tags().stream().map(t -> new Tag(t.key(), t.value() == null ? "" : t.value())).toList());
    return new Empty();
  }

  private Object untag(UntagResourceRequest r) {
    registry.untag(r.resourceArn(), r.tagKeys());
    return new Empty();
  }

  private Object listTags(ResourceArnRequest r) {
    return new ListTagsResponse(
        registry.tags(r.resourceArn()).stream().map(t -> new TagOut(t.key(), t.value())).toList());
  }

  private static List<StateMachineRegistry.RouteRequest> routes(List<RoutingMember> routing) {
    return routing.stream()
        .map(m -> new StateMachineRegistry.RouteRequest(m.stateMachineVersionArn(), m.weight()))
        .toList();
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored configuration is not JSON: " + text, e);
    }
  }
}
