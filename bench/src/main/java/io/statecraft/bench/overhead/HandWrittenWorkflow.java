package io.statecraft.bench.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** What a Temporal user would write by hand for ten Task states in a row. */
@WorkflowInterface
public interface HandWrittenWorkflow {

  String WORKFLOW_TYPE = "BenchHandWrittenTenTasks";

  @WorkflowMethod(name = WORKFLOW_TYPE)
  JsonNode run(JsonNode input);
}
