package dev.hearken.testing.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Base of the third-party SaaS fakes (Zendesk, App Store Connect, Google Play, FCM, APNs): an HTTP
 * server on a free loopback port that records every request, can inject faults (429 with
 * Retry-After, 5xx, delays) and delegates everything else to the subclass, which implements the
 * real API contract from {@code shared/contracts/}.
 *
 * <p>Thread-safe: subclasses keep their state in concurrent collections or synchronise {@link #handle}.
 */
public abstract class HttpFake implements AutoCloseable {

    private final HttpServer server;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<Fault, Integer> remaining = new LinkedHashMap<>();

    protected HttpFake() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a port for " + getClass().getSimpleName(), e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Short name, used in environment variable names and reports ({@code zendesk}, {@code fcm}, …). */
    public abstract String name();

    /**
     * Environment variables that point a function's client at this fake (the same keys production
     * sets to the real API's base URL), e.g. {@code HEARKEN_ZENDESK_BASE_URL=http://127.0.0.1:port}.
     */
    public abstract Map<String, String> functionEnvironment();

    /** The contract: answer a request that no fault intercepted. */
    protected abstract FakeResponse handle(RecordedRequest request);

    /** {@code http://127.0.0.1:<port>} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> recorded() {
        return Collections.unmodifiableList(recorded);
    }

    /** Forgets recorded requests and pending faults (state of the fake itself is the subclass's to reset). */
    public synchronized void reset() {
        recorded.clear();
        faults.clear();
        remaining.clear();
    }

    /** Adds a fault; faults are tried in the order added. */
    public synchronized void inject(Fault fault) {
        faults.add(fault);
        remaining.put(fault, fault.times());
    }

    private synchronized Fault takeFault(RecordedRequest request) {
        for (Fault f : faults) {
            int left = remaining.getOrDefault(f, 0);
            if (left > 0 && f.matches().test(request)) {
                remaining.put(f, left - 1);
                return f;
            }
        }
        return null;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    Collections.unmodifiableMap(headers), body, 0, Instant.now());
            Fault fault = takeFault(request);
            FakeResponse response;
            if (fault != null && !fault.delay().isZero()) {
                sleep(fault.delay().toMillis());
            }
            if (fault != null && fault.response() != null) {
                response = fault.response();
            } else {
                try {
                    response = handle(request);
                } catch (RuntimeException e) {
                    response = FakeResponse.json(500, "{\"error\":\"fake failure: " + e.getClass().getSimpleName() + "\"}");
                }
            }
            recorded.add(new RecordedRequest(request.method(), request.path(), request.query(), request.headers(),
                    request.body(), response.status(), request.at()));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
