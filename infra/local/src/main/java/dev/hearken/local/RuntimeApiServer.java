package dev.hearken.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AWS Lambda Runtime API (shared/contracts/aws/lambda-runtime-api.yaml) for one function:
 * the function process long-polls {@code /invocation/next}, answers on {@code /response} or
 * {@code /error}. One server per function process, as Lambda gives each execution environment its own.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /** What the function answered: a response payload, or an error document. */
    record Outcome(boolean error, String body) {}

    private record Invocation(String requestId, String payload, long deadlineMs, CompletableFuture<Outcome> result) {}

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();

    RuntimeApiServer(String functionName) throws IOException {
        this.functionArn = "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Invokes the function with {@code payload} and waits for its answer. */
    Outcome invoke(String payload, Duration timeout) throws TimeoutException {
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Invocation invocation = new Invocation(requestId, payload, deadline, new CompletableFuture<>());
        pending.add(invocation);
        try {
            return invocation.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            inFlight.remove(requestId);
        }
    }

    /** Completes when the function first asks for an invocation: it has initialised. */
    CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    /** Completes when the runtime reports an initialisation error. */
    CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        String method = exchange.getRequestMethod();
        try (exchange) {
            if ("GET".equals(method) && path.equals("/invocation/next")) {
                firstPoll.complete(null);
                Invocation next = pending.take();
                inFlight.put(next.requestId(), next);
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMs()));
                headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + next.requestId().replace("-", "").substring(0, 24));
                headers.add("Content-Type", "application/json");
                send(exchange, 200, next.payload());
            } else if ("POST".equals(method) && path.equals("/init/error")) {
                initError.complete(read(exchange));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                Invocation invocation = parts.length == 4 ? inFlight.get(parts[2]) : null;
                if (invocation == null) {
                    send(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                String body = read(exchange);
                invocation.result().complete(new Outcome("error".equals(parts[3]), body));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
