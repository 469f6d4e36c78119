package io.statecraft.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class ConcurrencyTest {

  @Test
  void aLockFailureAnywhereInTheChainIsAConflict() {
    ApiException conflict =
        Concurrency.conflictOrNull(
            new IllegalStateException("wrapped", new CannotAcquireLockException("timeout")));
    assertThat(conflict).isNotNull();
    assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(conflict.code().awsType()).isEqualTo("ConflictException");
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(Concurrency.conflictOrNull(new DataIntegrityViolationException("x"))).isNull();
    assertThat(Concurrency.conflictOrNull(new RuntimeException())).isNull();
  }
}
