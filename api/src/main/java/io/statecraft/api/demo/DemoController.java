package io.statecraft.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.demo.DemoServices;
import io.statecraft.activities.demo.devops.DevOpsDemoApi;
import io.statecraft.activities.demo.fraud.ReviewInbox;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionService;
import io.statecraft.api.validation.RequestBinder;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo endpoints of the example state machines: the DevOps example's deploy/health API, which
 * its HTTP Tasks call, and the fraud example's review inbox, where a person decides a transaction
 * that waits for its task token.
 *
 * <p>The inbox holds the reviews that this process's worker requested: in the default role (api and
 * worker in one process) that is every review; with separate api and worker processes, read a
 * worker's inbox and complete the task with {@code SendTaskSuccess}.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.Part.API)
@ConditionalOnProperty(name = "statecraft.demo.enabled", matchIfMissing = true)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Demo services")
class DemoController {

  private final DemoServices demo;
  private final ExecutionService executions;
  private final RequestBinder binder;
  private final ObjectMapper json;

  DemoController(
      DemoServices demo, ExecutionService executions, RequestBinder binder, ObjectMapper json) {
    this.demo = demo;
    this.executions = executions;
    this.binder = binder;
    this.json = json;
  }

  /** Serves {@code /demo/devops/**} with the demo deploy API. */
  @RequestMapping(DevOpsDemoApi.BASE_PATH + "/**")
  ResponseEntity<byte[]> devOps(HttpServletRequest request) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    DevOpsDemoApi.Response response =
        demo.devOpsApi()
            .handle(
                request.getMethod().toUpperCase(Locale.ROOT),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getQueryString(),
                headers,
                request.getInputStream().readAllBytes());
    return ResponseEntity.status(response.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsBytes(response.body()));
  }

  @Operation(
      summary = "The fraud example's reviews, oldest first (status: PENDING, APPROVED or DECLINED)")
  @GetMapping("/demo/fraud/reviews")
  Map<String, List<ReviewInbox.Item>> reviews(@RequestParam(required = false) String status) {
    ReviewInbox inbox = demo.reviews();
    List<ReviewInbox.Item> items;
    if (status == null) {
      items = inbox.list();
    } else {
      ReviewInbox.Status wanted;
      try {
        wanted = ReviewInbox.Status.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.validation(
            "/status", status, "Member must satisfy enum value set: [PENDING, APPROVED, DECLINED]");
      }
      items = inbox.list().stream().filter(i -> i.status() == wanted).toList();
    }
    return Map.of("reviews", items);
  }

  /** A reviewer's decision. */
  record Decision(
      @NotNull Boolean approve, @Size(max = 256) String reviewer, @Size(max = 1024) String note) {}

  @Operation(
      summary = "Decide a pending review and complete the waiting state with SendTaskSuccess")
  @PostMapping("/demo/fraud/reviews/{reviewId}/decision")
  ReviewInbox.Item decide(@PathVariable String reviewId, @RequestBody Decision decision)
      throws JsonProcessingException {
    binder.check(decision);
    ReviewInbox.Item item;
    try {
      item =
          demo.reviews()
              .resolve(reviewId, decision.approve(), decision.reviewer(), decision.note());
    } catch (NoSuchElementException e) {
      throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "No review '" + reviewId + "'");
    } catch (IllegalStateException e) {
      throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
    }
    executions.sendTaskSuccess(item.taskToken(), json.writeValueAsString(item.taskOutput()));
    return item;
  }
}
