package dev.hearken.testing.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a fake received, as it arrived (header names lower-cased).
 *
 * @param status the status the fake answered with (after any injected fault)
 * @param protocol the HTTP version it came in, {@code HTTP/1.1} or {@code HTTP/2}
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body, int status,
        Instant at, String protocol) {

    /** {@value} as {@link #protocol()} */
    public static final String HTTP_2 = "HTTP/2";

    /** An HTTP/1.1 request (what the JDK server-based fakes receive). */
    public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
            int status, Instant at) {
        this(method, path, query, headers, body, status, at, "HTTP/1.1");
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The same request, answered with {@code status}. */
    public RecordedRequest withStatus(int status) {
        return new RecordedRequest(method, path, query, headers, body, status, at, protocol);
    }
}
