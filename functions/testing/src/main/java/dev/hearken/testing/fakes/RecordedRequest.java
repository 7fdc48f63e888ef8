package dev.hearken.testing.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request a fake received, as it arrived (header names lower-cased).
 *
 * @param status the status the fake answered with (after any injected fault)
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body, int status,
        Instant at) {

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
