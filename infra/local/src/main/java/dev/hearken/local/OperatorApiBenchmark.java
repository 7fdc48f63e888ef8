package dev.hearken.local;

import dev.hearken.testing.RepositoryRoot;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Operator write and decision lookup latency through the local runtime ({@code make bench-operator}): signed
 * requests through the HTTP API to the real function artifacts, DynamoDB in the emulator. Writes are versioned
 * updates of one routing rule (each a conditional transaction with its audit entry); lookups read the decisions of
 * the ticket the replayed sample created. Prints p50/p95/max of each after a warm-up.
 */
public final class OperatorApiBenchmark {

    private OperatorApiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (LocalSystem system = LocalSystem.start(RepositoryRoot.get(),
                new Report(new PrintStream(OutputStream.nullOutputStream())))) {
            HttpGateway gateway = system.gateway(0);
            OperatorApi api = new OperatorApi(URI.create("http://127.0.0.1:" + gateway.port() + "/"),
                    system.emulator().region().id(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "local")));
            new Replayer(system, gateway.port()).replay(RepositoryRoot.get().resolve("events"), "ticket-classify");
            int warmUp = Math.max(10, n / 10);
            List<Long> writes = new ArrayList<>();
            List<Long> lookups = new ArrayList<>();
            long version = Long.parseLong(api.send("GET", "/admin/routing-rules/feedback", null).body()
                    .replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
            for (int i = 0; i < warmUp + n; i++) {
                String body = "{\"version\":" + version + ",\"order\":160,\"intents\":[\"feature_request\",\"praise\"],"
                        + "\"groupId\":360000000205,\"tags\":[\"feedback\"],\"autoReply\":false,\"note\":\"edit " + i + "\"}";
                long t0 = System.nanoTime();
                OperatorApi.Response write = api.send("PUT", "/admin/routing-rules/feedback", body);
                long t1 = System.nanoTime();
                OperatorApi.Response lookup = api.send("GET", "/admin/tickets/35501/decisions", null);
                long t2 = System.nanoTime();
                if (write.status() != 200 || lookup.status() != 200) {
                    throw new IllegalStateException("write " + write.status() + " " + write.body() + ", lookup "
                            + lookup.status() + " " + lookup.body());
                }
                version++;
                if (i >= warmUp) {
                    writes.add((t1 - t0) / 1_000_000);
                    lookups.add((t2 - t1) / 1_000_000);
                }
            }
            System.out.println(summary("operator write (versioned PUT + audit entry)", writes));
            System.out.println(summary("decision lookup (GET /admin/tickets/{id}/decisions)", lookups));
        }
        System.exit(0);
    }

    private static String summary(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return String.format("%s, %d requests: p50 %d ms, p95 %d ms, max %d ms", what, n, sorted.get(n / 2),
                sorted.get((int) Math.ceil(n * 0.95) - 1), sorted.get(n - 1));
    }
}
