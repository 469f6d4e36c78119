package io.statecraft.workflows.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A plain-HTTP server on a free loopback port, answering every request with one handler. */
public final class LoopbackHttp implements AutoCloseable {

  /** A request as the handler sees it. */
  public record Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A response: status and JSON body. */
  public record Response(int status, String json) {}

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  private final HttpServer server;

  public LoopbackHttp(Handler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Response response =
              handler.handle(
                  new Request(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      exchange.getRequestURI().getRawQuery(),
                      exchange.getRequestHeaders(),
                      body));
          byte[] out = response.json().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
