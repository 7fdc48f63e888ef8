package dev.hearken.testing.fakes;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake answers: status, headers and a body (JSON unless a content type says otherwise). */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public static FakeResponse json(int status, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        return new FakeResponse(status, headers, body);
    }

    public static FakeResponse empty(int status) {
        return new FakeResponse(status, Map.of(), "");
    }

    /** The same response with one more header. */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FakeResponse(status, copy, body);
    }
}
