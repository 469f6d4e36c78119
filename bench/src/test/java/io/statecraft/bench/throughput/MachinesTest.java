package io.statecraft.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.Asl;
import org.junit.jupiter.api.Test;

class MachinesTest {

  @Test
  void pass10AndThePackagedOrderExampleAreValid() throws Exception {
    assertThat(Asl.validate(Machines.passChain(10)).ok()).isTrue();
    assertThat(Asl.read(Machines.passChain(10)).graph().states()).hasSize(10);
    assertThat(Asl.validate(Machines.orderProcessing()).ok()).isTrue();
    assertThat(Machines.orderProcessing()).contains("ReserveAndCharge");
    assertThat(new ObjectMapper().readTree(Machines.order("o-1")).path("orderId").asText())
        .isEqualTo("o-1");
  }
}
