package io.statecraft.api.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArnsTest {

  final Arns arns = new Arns("eu-central-1", "000000000042");

  @Test
  void formsArnsInTheConfiguredRegionAndAccount() {
    String sm = arns.stateMachine("Orders");
    assertThat(sm).isEqualTo("arn:aws:states:eu-central-1:000000000042:stateMachine:Orders");
    assertThat(arns.version(sm, 3)).isEqualTo(sm + ":3");
    assertThat(arns.alias(sm, "prod")).isEqualTo(sm + ":prod");
    assertThat(arns.execution("Orders", "run-1"))
        .isEqualTo("arn:aws:states:eu-central-1:000000000042:execution:Orders:run-1");
  }

  @Test
  void readsStateMachineVersionAndAliasArns() {
    String sm = arns.stateMachine("Orders");
    assertThat(arns.parseStateMachine(sm)).isEqualTo(new Arns.StateMachineTarget("Orders"));
    assertThat(arns.parseStateMachine(sm + ":12")).isEqualTo(new Arns.VersionTarget("Orders", 12));
    assertThat(arns.parseStateMachine(sm + ":prod"))
        .isEqualTo(new Arns.AliasTarget("Orders", "prod"));
    assertThat(arns.parseStateMachine(sm + ":v1.2"))
        .isEqualTo(new Arns.AliasTarget("Orders", "v1.2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "arn",
        "arn:aws:states:eu-central-1:000000000042",
        "arn:aws-cn:states:eu-central-1:000000000042:stateMachine:A",
        "arn:aws:sqs:eu-central-1:000000000042:stateMachine:A",
        "arn:aws:states:us-east-1:000000000042:stateMachine:A",
        "arn:aws:states:eu-central-1:111111111111:stateMachine:A",
        "arn:aws:states:eu-central-1:000000000042:activity:A",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:a b",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:0",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:01",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:9999999999",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:bad alias",
        "arn:aws:states:eu-central-1:000000000042:stateMachine:A:1:2"
      })
  void refusesMalformedArnsAsInvalidArn(String arn) {
    assertThatThrownBy(() -> arns.parseStateMachine(arn))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARN);
              assertThat(e.getMessage()).startsWith("Invalid Arn: '");
            });
  }

  @Test
  void refusesArnsLongerThanAwsAllows() {
    String arn = arns.stateMachine("A") + ":" + "a".repeat(300);
    assertThatThrownBy(() -> arns.parseStateMachine(arn))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getMessage()).contains("longer than 256"));
  }

  @Test
  void insistsOnTheKindOfArnAskedFor() {
    String sm = arns.stateMachine("A");
    assertThatThrownBy(() -> arns.parseUnqualified(sm + ":1")).hasMessageContaining("version");
    assertThatThrownBy(() -> arns.parseVersion(sm)).hasMessageContaining("version ARN");
    assertThatThrownBy(() -> arns.parseAlias(sm + ":1")).hasMessageContaining("alias ARN");
  }
}
