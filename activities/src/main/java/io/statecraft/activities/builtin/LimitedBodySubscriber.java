package io.statecraft.activities.builtin;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body, giving up (and cancelling the exchange) past a size limit. */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body was longer than the limit. */
  static final class TooLarge extends RuntimeException {
    TooLarge(long limit) {
      super("The response body exceeds " + limit + " bytes", null, false, false);
    }
  }

  private final long limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private boolean done;

  LimitedBodySubscriber(long limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (done) {
      return;
    }
    for (ByteBuffer item : items) {
      if ((long) buffer.size() + item.remaining() > limit) {
        done = true;
        subscription.cancel();
        result.completeExceptionally(new TooLarge(limit));
        return;
      }
      byte[] bytes = new byte[item.remaining()];
      item.get(bytes);
      buffer.writeBytes(bytes);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    if (!done) {
      done = true;
      result.completeExceptionally(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (!done) {
      done = true;
      result.complete(buffer.toByteArray());
    }
  }
}
