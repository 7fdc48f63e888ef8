package dev.hearken.testing.fakes;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Base of the third-party SaaS fakes (Zendesk, App Store Connect, Google Play, FCM, APNs): an HTTP
 * server on a free loopback port that records every request, can inject faults (429 with
 * Retry-After, 5xx, delays) and delegates everything else to the subclass, which implements the
 * real API contract from {@code shared/contracts/}.
 *
 * <p>The server is the JDK's HTTP/1.1 server unless the subclass brings its own through
 * {@link #HttpFake(Function)} (the APNs fake: HTTP/2 over TLS, {@link TlsHttp2Server}); faults,
 * recording and the contract are the same whatever the transport.
 *
 * <p>Thread-safe: subclasses keep their state in concurrent collections or synchronise {@link #handle}.
 */
public abstract class HttpFake implements AutoCloseable {

    /** The listening side of a fake. */
    public interface Server extends AutoCloseable {

        /** {@code http://127.0.0.1:<port>} or {@code https://127.0.0.1:<port>} */
        URI baseUri();

        @Override
        void close();
    }

    /**
     * What a server calls once per request, on a thread that may block: applies faults, the contract
     * and recording, and returns what to answer.
     */
    @FunctionalInterface
    public interface Exchange {
        FakeResponse answer(RecordedRequest request);
    }

    private final Server server;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<Fault, Integer> remaining = new LinkedHashMap<>();

    /** A fake on the JDK's HTTP/1.1 server. */
    protected HttpFake() {
        this(JdkHttpServer::start);
    }

    /** A fake on the server {@code start} opens; the server hands every request to the given {@link Exchange}. */
    protected HttpFake(Function<Exchange, Server> start) {
        server = start.apply(this::exchange);
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

    /** {@code http://127.0.0.1:<port>} ({@code https} for a TLS fake) */
    public URI baseUri() {
        return server.baseUri();
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

    /** One request: a matching fault, else the contract; recorded with the status answered. */
    private FakeResponse exchange(RecordedRequest request) {
        Fault fault = takeFault(request);
        FakeResponse response;
        if (fault != null && !fault.delay().isZero()) {
            sleep(fault.delay());
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
        recorded.add(request.withStatus(response.status()));
        return response;
    }

    /** Blocks the request's thread (servers call {@link Exchange} off their I/O threads). */
    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
