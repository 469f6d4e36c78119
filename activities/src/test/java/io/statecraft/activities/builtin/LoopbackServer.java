package io.statecraft.activities.builtin;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on a loopback port that records requests and answers from a script. */
final class LoopbackServer implements AutoCloseable {

  /** One received request. */
  record Received(String method, String path, String rawQuery, Headers headers, String body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** How to answer a path. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange, Received request) throws IOException;
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request =
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body);
            received.add(request);
            hits.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
            Handler handler = handlers.get(request.path());
            if (handler == null) {
              respond(exchange, 404, "application/json", "{\"message\":\"no such path\"}");
            } else {
              handler.handle(exchange, request);
            }
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  LoopbackServer on(String path, Handler handler) {
    handlers.put(path, handler);
    return this;
  }

  LoopbackServer json(String path, int status, String body) {
    return on(path, (exchange, request) -> respond(exchange, status, "application/json", body));
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  List<Received> requests(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
