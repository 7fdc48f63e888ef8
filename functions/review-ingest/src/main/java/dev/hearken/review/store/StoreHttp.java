package dev.hearken.review.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.poll.RateLimitedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The store APIs' HTTP: GET JSON with a bearer token, 429 → {@link RateLimitedException}, other errors named. */
final class StoreHttp {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    StoreHttp(HttpClient http, ObjectMapper json, Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    /** The response to a GET; {@code status} and body for the caller to judge. */
    record Response(int status, Map<String, Object> body, HttpResponse<String> raw) {
    }

    Response get(URI uri, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET().build();
        return send(request);
    }

    Response send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StoreApiException(request.uri().getHost(), 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreApiException(request.uri().getHost(), 0, "interrupted");
        }
        Map<String, Object> body = null;
        if (response.body() != null && !response.body().isBlank()) {
            try {
                body = json.readValue(response.body(), OBJECT);
            } catch (IOException e) {
                if (response.statusCode() / 100 == 2) {
                    throw new StoreApiException(request.uri().getHost(), response.statusCode(), "malformed JSON response");
                }
            }
        }
        return new Response(response.statusCode(), body, response);
    }

    /** 429 → {@link RateLimitedException} honouring a Retry-After in seconds, else {@code fallback}. */
    static void rateLimit(Response r, Duration fallback) {
        if (r.status() == 429) {
            Duration wait = r.raw().headers().firstValue("retry-after")
                    .flatMap(StoreHttp::seconds).orElse(fallback);
            throw new RateLimitedException(wait);
        }
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // an HTTP date: use the fallback
        }
    }
}
