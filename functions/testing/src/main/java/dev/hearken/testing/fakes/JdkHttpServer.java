package dev.hearken.testing.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/** A fake on the JDK's HTTP server: plain {@code http}, HTTP/1.1 only, one virtual thread per request. */
final class JdkHttpServer implements HttpFake.Server {

    private final HttpServer server;
    private final HttpFake.Exchange exchange;

    private JdkHttpServer(HttpServer server, HttpFake.Exchange exchange) {
        this.server = server;
        this.exchange = exchange;
    }

    static JdkHttpServer start(HttpFake.Exchange exchange) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a port for a fake", e);
        }
        JdkHttpServer fake = new JdkHttpServer(server, exchange);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", fake::serve);
        server.start();
        return fake;
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            http.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(http.getRequestMethod(),
                    http.getRequestURI().getRawPath(), http.getRequestURI().getRawQuery(),
                    Collections.unmodifiableMap(headers), body, 0, Instant.now(), http.getProtocol());
            FakeResponse response = exchange.answer(request);
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> http.getResponseHeaders().add(k, v));
            http.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
