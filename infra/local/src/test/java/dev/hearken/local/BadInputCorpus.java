package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bad-input corpus: every invalid request {@code events/bad-input/routes.json} describes, per route key of the
 * HTTP API. The file holds, per route, a valid request and the invalid values specific to it; this class adds the
 * variants every route gets (see the file's {@code _note}). A route's variants are generated fresh for each run so
 * that Zendesk signatures are current and stale ones are exactly as stale as meant.
 */
final class BadInputCorpus {

    /** Stands for personal data in a request; never to be found in a log. */
    static final String CANARY = "CANARY-7f3a";
    /** Starts the line a CR/LF in a logged value would forge; no log line may start with it. */
    static final String FORGED = "FORGED-7f3a";

    /** Any 4xx. */
    static final int ANY_4XX = 0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("CANARY(-LONG)?");

    /**
     * A SigV4 {@code Authorization} header as an AWS SDK sends it. The local gateway does not check signatures; it
     * passes the IAM caller of the access key to the function, as API Gateway does once it has checked one.
     */
    static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKIDBADINPUT0000001/20260302/us-east-1/execute-api/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);

    /** Values no path or query parameter may take. */
    private static final Map<String, String> HOSTILE = hostile();

    /**
     * One invalid request.
     *
     * @param expect the status it must get, or {@link #ANY_4XX}
     */
    record Variant(String routeKey, String name, String method, String path, String query,
            Map<String, String> headers, byte[] body, int expect) {

        @Override
        public String toString() {
            return routeKey + " · " + name;
        }
    }

    private final Map<String, JsonNode> routes = new LinkedHashMap<>();

    private BadInputCorpus(JsonNode file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = file.path("routes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> route = it.next();
            routes.put(route.getKey(), route.getValue());
        }
    }

    static BadInputCorpus load(Path file) {
        try {
            return new BadInputCorpus(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route keys the corpus covers. */
    List<String> routeKeys() {
        return List.copyOf(routes.keySet());
    }

    /** Every variant of {@code routeKey}, signed (where the route is signed) for {@code now}. */
    List<Variant> variants(String routeKey, Instant now) {
        return new RouteVariants(routeKey, routes.get(routeKey), now).all();
    }

    /** The variants of one route, numbered so that each carries its own canary. */
    private static final class RouteVariants {

        private final String routeKey;
        private final String method;
        private final String template;
        private final JsonNode spec;
        private final Instant now;
        private final Map<String, String> path = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final String body;
        /** Headers every variant of the route carries (an {@code If-Match}, the SigV4 signature). */
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Variant> out = new ArrayList<>();

        RouteVariants(String routeKey, JsonNode spec, Instant now) {
            this.routeKey = routeKey;
            String[] parts = routeKey.split(" ", 2);
            this.method = parts[0];
            this.template = parts[1];
            this.spec = spec;
            this.now = now;
            spec.path("path").fields().forEachRemaining(e -> path.put(e.getKey(), e.getValue().asText()));
            spec.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
            this.body = spec.path("body").isTextual() ? spec.path("body").asText() : null;
            if (iam()) {
                headers.put("authorization", SIGV4);
                headers.put("x-amz-date", "20260302T091400Z");
            }
            spec.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        }

        private boolean iam() {
            return spec.path("auth").asText("none").equals("iam");
        }

        List<Variant> all() {
            pathVariants();
            queryVariants();
            if (body != null) {
                bodyVariants();
            }
            headerVariants();
            transportVariants();
            if (spec.path("auth").asText("none").equals("zendesk-signature")) {
                signatureVariants();
            }
            if (iam()) {
                iamVariants();
            }
            return out;
        }

        private void pathVariants() {
            for (String param : path.keySet()) {
                HOSTILE.forEach((label, value) -> add(param + "-" + label, with(path, param, value), query, body, 400));
            }
            if (spec.has("unknown")) {
                add("unknown-" + String.join("-", names(spec.path("unknown"))), merged(path, spec.path("unknown")), query,
                        body, 404);
            }
            spec.path("paths").fields().forEachRemaining(e -> add(e.getKey(), merged(path, e.getValue()), query, body, 400));
        }

        private void queryVariants() {
            for (String param : query.keySet()) {
                HOSTILE.forEach((label, value) -> add(param + "-" + label, path, with(query, param, value), body,
                        status(param)));
            }
            spec.path("queries").fields().forEachRemaining(e -> add(e.getKey(), path, merged(query, e.getValue()), body,
                    status(e.getValue().fieldNames().next())));
        }

        private void bodyVariants() {
            String firstKey = body.substring(body.indexOf('"') + 1, body.indexOf('"', body.indexOf('"') + 1));
            add("body-malformed", path, query, "{\"" + firstKey + "\": \"CANARY", 400);
            add("body-truncated", path, query, body.substring(0, body.length() / 2), 400);
            add("body-empty", path, query, "", 400);
            add("body-null", path, query, "null", 400);
            add("body-array", path, query, "[" + body + "]", 400);
            add("body-string", path, query, "\"CANARY\"", 400);
            add("body-number-1e309", path, query, "1e309", 400);
            add("body-nested-10000", path, query, "{\"" + firstKey + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                    400);
            // In a string value, where JSON forbids a raw control character. A body without a canary (the few that
            // hold only a date or a number) gets it at the start of its first string value: never the valid body.
            add("body-raw-nul", path, query, body.contains("CANARY") ? body.replaceFirst("CANARY", "CANARY\u0000")
                    : body.replaceFirst("\":\"", "\":\"\u0000"), 400);
            add("body-meaningless", path, query, "{\"greeting\":\"CANARY says hello\",\"n\":[1,2,3]}", 400);
            add("body-duplicate-key", path, query, "{\"" + firstKey + "\":\"CANARY\"," + body.substring(1), 400);
            add("body-xml", path, query, "<request><user>CANARY</user></request>", 400);
            add("body-trailing-value", path, query, body + "{\"CANARY\":1}", 400);
            // A field name is request text too: logged (as unknown or wrong), it must not start a line of its own.
            // Alone, since records of third-party payloads ignore unknown fields next to valid ones.
            add("body-field-name-crlf", path, query, "{\"x\\r\\n" + FORGED + " INFO forged\":\"CANARY\"}", 400);
            spec.path("bodies").fields().forEachRemaining(e -> add(e.getKey(), path, query, e.getValue().asText(),
                    spec.path("bodyStatus").path(e.getKey()).asInt(400)));
        }

        /**
         * The route's own header cases ({@code headerCases}: label → the headers to change, {@code null} to leave
         * one out, and the status), with the valid request otherwise; and a malformed {@code If-Match} wherever the
         * valid request carries one (400, or {@code ifMatchStatus} where the route refuses the object first).
         */
        private void headerVariants() {
            if (headers.containsKey("if-match")) {
                int status = spec.path("ifMatchStatus").asInt(400);
                headerCase("if-match-not-an-entity-tag", Map.of("if-match", "CANARY"), status);
                headerCase("if-match-fraction", Map.of("if-match", "\"1.5\""), status);
            }
            spec.path("headerCases").fields().forEachRemaining(e -> {
                Map<String, String> changes = new LinkedHashMap<>();
                e.getValue().path("headers").fields().forEachRemaining(h -> changes.put(h.getKey(),
                        h.getValue().isNull() ? null : h.getValue().asText()));
                headerCase(e.getKey(), changes, e.getValue().path("status").asInt(400));
            });
        }

        private void headerCase(String name, Map<String, String> changes, int expect) {
            int n = out.size() + 1;
            Variant v = variant(n, name, path, query, body == null ? new byte[0] : fill(body, n).getBytes(
                    StandardCharsets.UTF_8), "application/json", expect, Signing.VALID);
            changes.forEach((header, value) -> {
                if (value == null) {
                    v.headers().remove(header);
                } else {
                    v.headers().put(header, fill(value, n));
                }
            });
            out.add(v);
        }

        /**
         * An operator route (auth {@code iam}) refuses, with 401, every request that reached it without an IAM
         * caller: unsigned, or carrying credentials of another scheme or a SigV4 header without an access key (which
         * API Gateway refuses before the function, and the local gateway passes on without a caller). The valid
         * request otherwise, so that only the missing caller refuses it.
         */
        private void iamVariants() {
            iamCase("unsigned", null, Map.of(), query);
            iamCase("authorization-bearer", "Bearer CANARY", Map.of(), query);
            iamCase("authorization-basic", "Basic " + Base64.getEncoder().encodeToString(
                    "CANARY:secret".getBytes(StandardCharsets.UTF_8)), Map.of(), query);
            iamCase("authorization-sigv2", "AWS AKIDBADINPUT0000001:CANARY", Map.of(), query);
            iamCase("authorization-sigv4-without-credential", "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=CANARY",
                    Map.of(), query);
            iamCase("authorization-sigv4-empty-access-key", SIGV4.replace("AKIDBADINPUT0000001", ""), Map.of(), query);
            iamCase("authorization-forged-text", "x " + FORGED + " INFO forged CANARY", Map.of(), query);
            iamCase("amz-headers-without-authorization", null, Map.of("x-amz-security-token", "CANARY",
                    "x-amz-content-sha256", "UNSIGNED-PAYLOAD"), query);
            Map<String, String> presigned = new LinkedHashMap<>(query);
            presigned.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
            presigned.put("X-Amz-Credential", "AKIDBADINPUT0000001/20260302/us-east-1/execute-api/aws4_request");
            presigned.put("X-Amz-Signature", "CANARY");
            iamCase("signature-in-query-string", null, Map.of(), presigned);
        }

        private void iamCase(String name, String authorization, Map<String, String> extra,
                Map<String, String> queryValues) {
            int n = out.size() + 1;
            Variant v = variant(n, name, path, queryValues, body == null ? new byte[0] : fill(body, n).getBytes(
                    StandardCharsets.UTF_8), "application/json", 401, Signing.NONE);
            if (authorization != null) {
                v.headers().put("authorization", fill(authorization, n));
            }
            extra.forEach((header, value) -> v.headers().put(header, fill(value, n)));
            out.add(v);
        }

        /** What API Gateway and Lambda pass however large or undecodable; the function must refuse it itself. */
        private void transportVariants() {
            add("body-1MB", path, query, padded(1 << 20), 413);
            add("body-6MB", path, query, padded(6 << 20), 413);
            // One byte over the limit: the boundary, not just far beyond it.
            int n = out.size() + 1;
            String overLimit = "{\"pad\":\"" + "x".repeat(256 * 1024 + 1 - 10) + "\"}";
            out.add(variant(n, "body-limit-plus-one-byte", path, query, overLimit.getBytes(StandardCharsets.UTF_8),
                    "application/json", 413, Signing.VALID));
            // A lone continuation byte and an over-long encoding of '/': never UTF-8.
            invalidUtf8("body-invalid-utf8", 0x80, 0xC0, 0xAF, 0xFF);
            // A UTF-16 surrogate encoded as UTF-8 (CESU-8), which Java's modified UTF-8 would accept.
            invalidUtf8("body-invalid-utf8-surrogate", 0xED, 0xA0, 0x80);
            // A three-byte sequence cut after its second byte, at the end of the body.
            invalidUtf8("body-invalid-utf8-truncated", 0xE2, 0x82);
        }

        private void invalidUtf8(String name, int... tail) {
            int n = out.size() + 1;
            byte[] canary = canary(n).getBytes(StandardCharsets.UTF_8);
            byte[] invalid = new byte[canary.length + tail.length];
            System.arraycopy(canary, 0, invalid, 0, canary.length);
            for (int i = 0; i < tail.length; i++) {
                invalid[canary.length + i] = (byte) tail[i];
            }
            out.add(variant(n, name, path, query, invalid, "application/octet-stream", 400, Signing.VALID));
        }

        private void signatureVariants() {
            String secret = ZendeskWebhooks.testSecret();
            signed("signature-stale", ZendeskWebhooks.timestamp(now.minus(Duration.ofHours(1))), secret, null);
            signed("signature-future", ZendeskWebhooks.timestamp(now.plus(Duration.ofHours(1))), secret, null);
            signed("signature-forged", ZendeskWebhooks.timestamp(now), "not-the-hearken-secret", null);
            signed("signature-of-another-body", ZendeskWebhooks.timestamp(now), secret, "{\"ticket_id\":\"35502\"}");
            // HTTP forbids CR/LF in a header value (clients and API Gateway refuse it), so forged-looking text only.
            signed("signature-timestamp-garbage", "yesterday " + FORGED + " INFO forged", secret, null);
            signed("signature-timestamp-epoch-seconds", Long.toString(now.getEpochSecond()), secret, null);
            int n = out.size() + 1;
            Variant unsigned = variant(n, "signature-missing", path, query, fill(body, n).getBytes(StandardCharsets.UTF_8),
                    "application/json", 401, Signing.NONE);
            out.add(unsigned);
            n = out.size() + 1;
            Variant garbage = variant(n, "signature-garbage", path, query, fill(body, n).getBytes(StandardCharsets.UTF_8),
                    "application/json", 401, Signing.NONE);
            garbage.headers().put(ZendeskWebhooks.TIMESTAMP, ZendeskWebhooks.timestamp(now));
            garbage.headers().put(ZendeskWebhooks.SIGNATURE, canary(n) + " " + FORGED + " INFO forged");
            out.add(garbage);
        }

        private void signed(String name, String timestamp, String secret, String signedBody) {
            int n = out.size() + 1;
            byte[] bytes = fill(body, n).getBytes(StandardCharsets.UTF_8);
            Variant v = variant(n, name, path, query, bytes, "application/json", 401, Signing.NONE);
            byte[] signedBytes = signedBody == null ? bytes : signedBody.getBytes(StandardCharsets.UTF_8);
            v.headers().put(ZendeskWebhooks.TIMESTAMP, timestamp);
            v.headers().put(ZendeskWebhooks.SIGNATURE, ZendeskWebhooks.sign(secret, timestamp, signedBytes));
            out.add(v);
        }

        private void add(String name, Map<String, String> pathValues, Map<String, String> queryValues, String text,
                int expect) {
            int n = out.size() + 1;
            byte[] bytes = text == null ? new byte[0] : fill(text, n).getBytes(StandardCharsets.UTF_8);
            out.add(variant(n, name, pathValues, queryValues, bytes, "application/json", expect, Signing.VALID));
        }

        private enum Signing { VALID, NONE }

        private Variant variant(int n, String name, Map<String, String> pathValues, Map<String, String> queryValues,
                byte[] bytes, String contentType, int expect, Signing signing) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("accept", "application/json");
            if (bytes.length > 0) {
                headers.put("content-type", contentType);
            }
            if (signing == Signing.VALID) {
                // Not for the unsigned variants: they carry the route's other headers but no signature.
                headers.putAll(this.headers);
            } else {
                this.headers.forEach((k, v) -> {
                    if (!k.equals("authorization") && !k.equals("x-amz-date")) {
                        headers.put(k, v);
                    }
                });
            }
            if (signing == Signing.VALID && spec.path("auth").asText().equals("zendesk-signature")) {
                String timestamp = ZendeskWebhooks.timestamp(now);
                headers.put(ZendeskWebhooks.TIMESTAMP, timestamp);
                headers.put(ZendeskWebhooks.SIGNATURE, ZendeskWebhooks.sign(ZendeskWebhooks.testSecret(), timestamp, bytes));
            }
            StringBuilder p = new StringBuilder();
            for (String segment : template.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                p.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    p.append(encode(fill(pathValues.get(segment.substring(1, segment.length() - 1)), n)));
                } else {
                    p.append(segment);
                }
            }
            StringBuilder q = new StringBuilder();
            queryValues.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(encode(k)).append('=')
                    .append(encode(fill(v, n))));
            return new Variant(routeKey, String.format("%02d %s", n, name), method, p.toString(), q.toString(), headers,
                    bytes, expect);
        }

        private int status(String param) {
            return spec.path("queryStatus").path(param).asInt(400);
        }

        private String padded(int bytes) {
            String head = "{\"" + (body == null ? "pad" : "CANARY") + "\":\"";
            return head + "x".repeat(bytes - head.length() - 2) + "\"}";
        }
    }

    private static Map<String, String> hostile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("traversal", "../../etc/passwd");
        values.put("nul", "a\u0000b");
        values.put("crlf", "x\r\n" + FORGED + " INFO forged line");
        values.put("10000-chars", "a".repeat(10_000));
        return values;
    }

    /** Each variant's own canary: {@code CANARY-7f3a-<n>}. */
    static String canary(int n) {
        return CANARY + "-" + n;
    }

    private static String fill(String text, int n) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    m.group(1) == null ? canary(n) : canary(n) + "-" + "x".repeat(300)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> merged(Map<String, String> values, JsonNode overrides) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        overrides.fields().forEachRemaining(e -> copy.put(e.getKey(), e.getValue().asText()));
        return copy;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
