package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway HTTP API on a local port: matches the template's route keys, builds the payload
 * format 2.0 event (lower-cased headers, path parameters, raw body), invokes the function and turns
 * its response back into HTTP. Routes come from the template only.
 *
 * <p>IAM-authorised routes ({@code AWS_IAM}) are served without checking signatures — this is a
 * developer's machine. A request that carries a SigV4 {@code Authorization} header gets the
 * {@code requestContext.authorizer.iam} block API Gateway would add, with the access key from the
 * header and a local user ARN ({@code arn:aws:iam::000000000000:user/<access key>}); an unsigned
 * request reaches the function without one, as if it had no authoriser.
 */
final class HttpGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Pattern SIGV4_CREDENTIAL = Pattern.compile("^AWS4-HMAC-SHA256\\s+Credential=([A-Za-z0-9]+)/");

    private record CompiledRoute(String routeKey, String method, Pattern path, List<String> params, String function) {}

    private final HttpServer server;
    private final List<CompiledRoute> routes = new ArrayList<>();
    private final java.util.Set<String> iamRoutes;
    private final BiFunction<String, String, RuntimeApiServer.Outcome> invoker;
    private volatile Scheduler scheduler;
    private volatile java.util.function.Consumer<String> listener = line -> { };

    /**
     * @param routes    route key → function name
     * @param iamRoutes the route keys guarded by the IAM authoriser
     * @param invoker   (function name, event JSON) → the function's outcome
     */
    HttpGateway(int port, Map<String, String> routes, java.util.Set<String> iamRoutes,
            BiFunction<String, String, RuntimeApiServer.Outcome> invoker) throws IOException {
        this.invoker = invoker;
        this.iamRoutes = java.util.Set.copyOf(iamRoutes);
        routes.forEach((key, function) -> this.routes.add(compile(key, function)));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code POST /_local/schedules/{rule}}: fire a scheduled rule now. */
    void scheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Told one line per request served (method, path, status, milliseconds). */
    void listener(java.util.function.Consumer<String> listener) {
        this.listener = listener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_local/schedules/") && scheduler != null && method.equals("POST")) {
                boolean fired = scheduler.fire(URLDecoder.decode(path.substring("/_local/schedules/".length()),
                        StandardCharsets.UTF_8));
                send(exchange, fired ? 202 : 404, Map.of("content-type", "application/json"),
                        (fired ? "{\"fired\":true}" : "{\"error\":\"no such schedule\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            long started = System.nanoTime();
            for (CompiledRoute route : routes) {
                Matcher m = route.path().matcher(path);
                if ((route.method().equals(method) || route.method().equals("ANY")) && m.matches()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    for (int i = 0; i < route.params().size(); i++) {
                        params.put(route.params().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                    }
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String event = event(exchange, route, params, body);
                    int status = respond(exchange, invoker.apply(route.function(), event));
                    listener.accept(String.format("%s %s → %s: %d in %d ms", method, path, route.function(), status,
                            (System.nanoTime() - started) / 1_000_000));
                    return;
                }
            }
            send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes());
        }
    }

    private String event(HttpExchange exchange, CompiledRoute route, Map<String, String> params, byte[] body) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", exchange.getRequestURI().getRawPath());
        e.put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        ObjectNode headers = e.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (exchange.getRequestURI().getRawQuery() != null) {
            ObjectNode query = e.putObject("queryStringParameters");
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (!params.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            params.forEach(p::put);
        }
        Instant now = Instant.now();
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", "127.0.0.1");
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", route.routeKey());
        ctx.put("stage", "$default");
        ctx.put("time", REQUEST_TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        String signature = exchange.getRequestHeaders().getFirst("authorization");
        Matcher credential = signature == null ? null : SIGV4_CREDENTIAL.matcher(signature);
        if (iamRoutes.contains(route.routeKey()) && credential != null && credential.find()) {
            ObjectNode iam = ctx.putObject("authorizer").putObject("iam");
            iam.put("accessKey", credential.group(1));
            iam.put("accountId", "000000000000");
            iam.put("callerId", credential.group(1));
            iam.put("userArn", "arn:aws:iam::000000000000:user/" + credential.group(1));
            iam.put("userId", credential.group(1));
        }
        ObjectNode http = ctx.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("user-agent"));
        // API Gateway passes text bodies as strings and everything else base64-encoded.
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("content-type")).toLowerCase(Locale.ROOT);
        boolean text = contentType.contains("json") || contentType.startsWith("text/") || contentType.contains("xml")
                || contentType.contains("x-www-form-urlencoded");
        if (body.length > 0) {
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        e.put("isBase64Encoded", body.length > 0 && !text);
        return e.toString();
    }

    private static int respond(HttpExchange exchange, RuntimeApiServer.Outcome outcome) throws IOException {
        if (outcome.error()) {
            send(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return 500;
        }
        JsonNode response = JSON.readTree(outcome.body());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            headers.put(h.getKey(), h.getValue().asText());
        }
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        int status = response.path("statusCode").asInt(200);
        send(exchange, status, headers, bytes);
        return status;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static CompiledRoute compile(String routeKey, String function) {
        String[] parts = routeKey.split(" ", 2);
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        for (String segment : parts[1].split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                params.add(segment.substring(1, segment.length() - 2));
                regex.append("(.+)");
            } else if (segment.startsWith("{") && segment.endsWith("}")) {
                params.add(segment.substring(1, segment.length() - 1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        regex.append("/?$");
        return new CompiledRoute(routeKey, parts[0].toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), params, function);
    }

    /** Deadline for one HTTP request through the gateway (API Gateway's own limit is 30 s). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public void close() {
        server.stop(0);
    }
}
