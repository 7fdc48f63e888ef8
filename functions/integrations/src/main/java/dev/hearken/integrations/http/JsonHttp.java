package dev.hearken.integrations.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.IntegrationException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.integration.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP of every store and push client: the JDK {@link HttpClient}, JSON bodies bound to records by Jackson,
 * and the one mapping of error statuses to the kernel's error model ({@link #check}).
 *
 * <p>Why the JDK client and not the Quarkus REST client: APNs needs HTTP/2 over TLS with a trust store narrowed to
 * the local fake's certificate, which the JDK client does with plain API; App Store paging follows
 * {@code links.next} URLs; and the clients are built from each function's own typed configuration and tested in
 * plain JUnit against the fakes, without a Quarkus application around them. Both run natively.
 */
public final class JsonHttp {

    /** An answer: status, one header lookup and the raw body. */
    public record Reply(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String service;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    /** @param service the service's name in errors, e.g. {@code app-store}, {@code google-play} */
    public JsonHttp(String service, HttpClient http, ObjectMapper json, Duration timeout) {
        this.service = service;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    public ObjectMapper json() {
        return json;
    }

    /** A request builder for {@code uri} with the timeout and {@code Accept: application/json}. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    /** A JSON body for POST/PUT. */
    public HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Sends; no answer at all becomes {@link ServiceException} with status 0. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new ServiceException(service, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(service, 0, "interrupted");
        }
    }

    /**
     * The one error mapping: 429 → {@link RateLimitedException} after {@code Retry-After} or {@code defaultRetry}
     * when the service sends none; 409 → {@link ConflictException}; 404 → {@link NotFoundException}; any other
     * non-2xx → {@link ServiceException} naming {@code code} (the service's error code, read from the body by the
     * caller). Returns the reply when it is a success.
     */
    public Reply check(Reply reply, String object, Duration defaultRetry, String code) {
        if (reply.ok()) {
            return reply;
        }
        throw IntegrationException.forStatus(service, reply.status(), object, reply.header("retry-after").orElse(null),
                defaultRetry, code);
    }

    /** The body bound to {@code type}; an unreadable body is a {@link ServiceException}. */
    public <T> T read(Reply reply, Class<T> type) {
        try {
            return json.readValue(reply.body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ServiceException(service, reply.status(), "malformed JSON response");
        }
    }
}
