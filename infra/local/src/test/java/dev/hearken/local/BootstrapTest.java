package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The bootstrap against a stand-in operator API that answers as the real one does: it creates what is absent,
 * keeps what exists, does not restore what an operator deleted, reports failures, and signs every request.
 */
class BootstrapTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Map<String, Boolean> history = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/rules", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            String answer;
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(body);
                boolean invalid = body.contains("\"invalid\"");
                status = invalid ? 400 : 201;
                answer = invalid ? "{\"error\":\"invalid_request\",\"field\":\"groupId\",\"message\":\"bad\"}" : body;
            } else if (path.endsWith("/history")) {
                String id = path.substring("/admin/rules/".length(), path.length() - "/history".length());
                status = 200;
                answer = history.getOrDefault(id, false) ? "{\"items\":[{\"action\":\"delete\"}]}" : "{\"items\":[]}";
            } else {
                String id = path.substring("/admin/rules/".length());
                status = objects.containsKey(id) ? 200 : 404;
                answer = objects.getOrDefault(id, "{\"error\":\"not_found\"}");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopApi() {
        server.stop(0);
    }

    @Test
    void it_creates_what_is_absent_keeps_what_exists_and_does_not_restore_what_an_operator_deleted() throws IOException {
        objects.put("edited", "{\"ruleId\":\"edited\",\"groupId\":99}");
        history.put("deleted", true);
        Path manifest = manifest("""
                [{"ruleId":"new","groupId":1},{"ruleId":"edited","groupId":2},{"ruleId":"deleted","groupId":3},
                 {"ruleId":"broken","groupId":"invalid"}]""");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<Bootstrap.Outcome> outcomes = bootstrap(printed).load(manifest);

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.created()).isEqualTo(1);
            assertThat(o.kept()).isEqualTo(1);
            assertThat(o.withheld()).isEqualTo(1);
            assertThat(o.failed()).singleElement().asString().contains("broken").contains("400")
                    .contains("groupId");
        });
        assertThat(posted).hasSize(2).noneMatch(b -> b.contains("\"edited\"") || b.contains("\"deleted\""));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("/admin/rules: 1 created, 1 kept, 1 withheld");
    }

    @Test
    void every_request_is_signed_with_sigv4_for_execute_api() throws IOException {
        bootstrap(new ByteArrayOutputStream()).load(manifest("[{\"ruleId\":\"new\",\"groupId\":1}]"));

        assertThat(authorizations).isNotEmpty().allSatisfy(a -> assertThat(a)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDBOOT/")
                .contains("/eu-west-1/execute-api/aws4_request"));
    }

    private Bootstrap bootstrap(ByteArrayOutputStream printed) {
        OperatorApi api = new OperatorApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "eu-west-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBOOT", "secret")));
        return new Bootstrap(api, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private Path manifest(String items) throws IOException {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/rules.json"), items);
        return Files.writeString(dir.resolve("defaults.json"), """
                {"collections":[{"path":"/admin/rules","keys":["ruleId"],"file":"tables/rules.json"}]}""");
    }
}
