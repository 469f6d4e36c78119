package io.statecraft.api.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link StatecraftSearchAttributes} through Temporal's operator service. Attributes that
 * exist already are left alone, so this is safe at every start.
 */
public final class SearchAttributeRegistrar {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  /**
   * Adds the attributes missing from {@code namespace}.
   *
   * @return the attributes added
   * @throws StatusRuntimeException when the server refuses
   */
  public static Map<String, IndexedValueType> register(
      WorkflowServiceStubs workflowStubs, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(workflowStubs.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Map<String, IndexedValueType> missing = new TreeMap<>(StatecraftSearchAttributes.all());
      try {
        ListSearchAttributesResponse existing =
            operator
                .blockingStub()
                .listSearchAttributes(
                    ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build());
        missing.keySet().removeAll(existing.getCustomAttributesMap().keySet());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw e;
        }
        // The test server cannot list them; adding what exists is rejected below and ignored.
      }
      if (missing.isEmpty()) {
        return missing;
      }
      try {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(missing)
                    .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
          return Map.of();
        }
        throw e;
      }
      log.info(
          "Registered Temporal search attributes {} in namespace {}", missing.keySet(), namespace);
      return missing;
    } finally {
      // The channel belongs to the workflow stubs; only the operator wrapper is released here.
      operator.shutdown();
    }
  }
}
