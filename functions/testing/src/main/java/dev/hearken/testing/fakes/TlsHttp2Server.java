package dev.hearken.testing.fakes;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake on Vert.x's HTTP server, the way Apple serves APNs: TLS with the {@link LoopbackCertificate}
 * and ALPN offering {@code h2} only, so a client that negotiates ALPN speaks HTTP/2. A client that does
 * not (plain HTTP/1.1 over TLS) still reaches the fake, with {@link RecordedRequest#protocol()}
 * {@code HTTP/1.1}, and the fake decides what to answer.
 *
 * <p>Why TLS rather than cleartext HTTP/2 (h2c): the JDK's {@code HttpClient}, which the functions use,
 * has no h2c "prior knowledge" mode; on {@code http} it sends each new connection's first request as
 * HTTP/1.1 with {@code Upgrade: h2c}, so a server that only speaks HTTP/2 cannot be reached over
 * cleartext, and one that upgrades still receives HTTP/1.1 requests. Over TLS the client negotiates
 * {@code h2} before the first request, as it does with Apple's servers.
 *
 * <p>Requests are answered on virtual threads (the fake may sleep for latency or faults), never on
 * Vert.x's event loop; the answer is written back on the connection's context.
 */
public final class TlsHttp2Server implements HttpFake.Server {

    private final Vertx vertx;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpFake.Exchange exchange;
    private HttpServer server;

    private TlsHttp2Server(Vertx vertx, HttpFake.Exchange exchange) {
        this.vertx = vertx;
        this.exchange = exchange;
    }

    /** Listens on a free loopback port; every request goes to {@code exchange}. */
    public static TlsHttp2Server start(HttpFake.Exchange exchange) {
        LoopbackCertificate certificate = LoopbackCertificate.shared();
        // Daemon threads: a fake must never keep a JVM alive (StartupBenchmark, for one, never closes its fakes).
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setUseDaemonThread(true));
        TlsHttp2Server fake = new TlsHttp2Server(vertx, exchange);
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setSsl(true)
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2))
                .setKeyCertOptions(new PfxOptions()
                        .setValue(Buffer.buffer(certificate.keyStore()))
                        .setPassword(certificate.password()));
        try {
            fake.server = vertx.createHttpServer(options)
                    .requestHandler(fake::serve)
                    .listen()
                    .toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            vertx.close();
            throw new IllegalStateException("cannot open a port for a TLS fake", e);
        }
        return fake;
    }

    @Override
    public URI baseUri() {
        return URI.create("https://127.0.0.1:" + server.actualPort());
    }

    private void serve(HttpServerRequest http) {
        Context context = vertx.getOrCreateContext();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : http.headers().names()) {
            if (!name.startsWith(":")) {
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(http.headers().getAll(name)));
            }
        }
        String method = http.method().name();
        String path = http.path();
        String query = http.query();
        String protocol = protocol(http.version());
        http.body().onSuccess(body -> workers.execute(() -> {
            RecordedRequest request = new RecordedRequest(method, path, query, Collections.unmodifiableMap(headers),
                    body.toString(StandardCharsets.UTF_8), 0, Instant.now(), protocol);
            FakeResponse response = exchange.answer(request);
            context.runOnContext(v -> write(http.response(), response));
        }));
    }

    private static String protocol(HttpVersion version) {
        return switch (version) {
            case HTTP_2 -> RecordedRequest.HTTP_2;
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
        };
    }

    private static void write(HttpServerResponse out, FakeResponse response) {
        if (out.closed() || out.ended()) {
            return; // the client gave up (timeout, stream reset): nothing to answer
        }
        out.setStatusCode(response.status());
        // HTTP/2 header names are lower case (RFC 9113 §8.2.1).
        response.headers().forEach((name, value) -> out.putHeader(name.toLowerCase(Locale.ROOT), value));
        if (response.body().isEmpty()) {
            out.end();
        } else {
            out.end(response.body(), StandardCharsets.UTF_8.name());
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            workers.shutdownNow();
        }
    }
}
