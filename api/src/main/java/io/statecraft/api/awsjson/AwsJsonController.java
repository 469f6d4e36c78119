package io.statecraft.api.awsjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionService;
import io.statecraft.api.executions.TemporalLinks;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.validation.DefinitionValidator;
import io.statecraft.api.validation.RequestBinder;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AWS Step Functions JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Action>}, as the AWS CLI and SDKs send it with {@code --endpoint-url}.
 */
@Hidden
@RestController
@ConditionalOnRole(ConditionalOnRole.Part.API)
class AwsJsonController {

  static final String TARGET_PREFIX = "AWSStepFunctions.";
  static final MediaType AMZ_JSON = MediaType.parseMediaType("application/x-amz-json-1.0");

  private static final Logger log = LoggerFactory.getLogger(AwsJsonController.class);

  private final Map<String, AwsAction<?>> actions;
  private final RequestBinder binder;
  private final ObjectMapper responseMapper;

  AwsJsonController(
      StateMachineRegistry registry,
      DefinitionValidator validator,
      AwsJsonConfiguration.ResponseWriter responseWriter,
      RequestBinder binder,
      ObjectMapper json,
      ObjectProvider<ExecutionService> executions,
      ObjectProvider<TemporalLinks> links) {
    Map<String, AwsAction<?>> table =
        new TreeMap<>(new StateMachineActions(registry, validator, json).table());
    // Execution, history and callback actions exist only with an engine behind them; without
    // one they are unknown operations like any other.
    ExecutionService service = executions.getIfAvailable();
    if (service != null) {
      table.putAll(new ExecutionActions(service, json, links.getIfAvailable()).table());
    }
    this.actions = Map.copyOf(table);
    this.binder = binder;
    this.responseMapper = responseWriter.mapper();
  }

  @PostMapping(path = "/")
  ResponseEntity<byte[]> dispatch(
      @RequestHeader(name = "X-Amz-Target", required = false) String target,
      HttpServletRequest request)
      throws IOException {
    AwsAction<?> action = action(target);
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode node = binder.parseObject(body);
    Object parsed = binder.bind(node, action.requestType(), action.name());
    log.debug("{} accepted", action.name());
    Object result = action.invoke(parsed);
    return respond(200, result);
  }

  private AwsAction<?> action(String target) {
    if (target == null || target.isBlank()) {
      throw new ApiException(
          ErrorCode.UNKNOWN_OPERATION,
          "Missing X-Amz-Target header: send AWSStepFunctions.<Action>");
    }
    AwsAction<?> action =
        target.startsWith(TARGET_PREFIX)
            ? actions.get(target.substring(TARGET_PREFIX.length()))
            : null;
    if (action == null) {
      String shown = target.length() > 128 ? target.substring(0, 128) + "..." : target;
      throw new ApiException(
          ErrorCode.UNKNOWN_OPERATION,
          "Unknown operation '"
              + shown
              + "'. Supported: "
              + String.join(", ", new TreeMap<>(actions).keySet()));
    }
    return action;
  }

  ResponseEntity<byte[]> respond(int status, Object body) throws JsonProcessingException {
    return ResponseEntity.status(status)
        .contentType(AMZ_JSON)
        .header("x-amzn-RequestId", UUID.randomUUID().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(responseMapper.writeValueAsBytes(body));
  }
}
