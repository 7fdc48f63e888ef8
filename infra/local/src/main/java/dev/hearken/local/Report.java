package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The human-readable report of a local run. */
final class Report {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Report(PrintStream out) {
        this.out = out;
    }

    /** The stream the report is written to, for tools that print their own lines. */
    PrintStream out() {
        return out;
    }

    void step(String text) {
        out.printf("[%6.1fs] ▶ %s%n", (System.nanoTime() - started) / 1e9, text);
    }

    void detail(String text) {
        out.println("           " + text);
    }

    void line(String text) {
        out.println(text);
    }

    /** Prints one replayed sample, marked ✓ when its outcome is the kind its scenario expects. */
    void result(Replayer.Result r) {
        String mark = r.expected() ? "✓" : "✗";
        if (r.error() != null) {
            out.printf("  %s %-30s %-42s %s%n", mark, r.scenario(), r.entry(), r.error());
        } else if (r.records() > 0) {
            out.printf("  %s %-30s %-42s → %d of %d failed%s%n", mark, r.scenario(), r.entry(),
                    r.batchItemFailures().size(), r.records(),
                    r.batchItemFailures().isEmpty() ? "" : " " + r.batchItemFailures());
        } else {
            out.printf("  %s %-30s %-42s → %d %s%n", mark, r.scenario(), r.entry(), r.status(), summary(r.body()));
        }
    }

    private static String summary(JsonNode body) {
        if (body == null) {
            return "";
        }
        if (body.has("error")) {
            return body.path("error").asText() + ": " + body.path("message").asText()
                    + (body.has("field") ? " [field " + body.path("field").asText() + "]" : "");
        }
        if (body.has("assignments")) {
            StringBuilder sb = new StringBuilder("user " + body.path("userId").asText() + ":");
            for (JsonNode a : body.path("assignments")) {
                sb.append(System.lineSeparator()).append(String.format("%80s %s", "", assignment(a)));
            }
            return sb.toString();
        }
        if (body.has("experimentKey") && body.has("inExperiment")) {
            return "user " + body.path("userId").asText() + ": " + assignment(body);
        }
        String text = body.toString();
        // Long bodies (results, reports) are cut: the full answer is in the function's log and the API.
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String assignment(JsonNode a) {
        return String.format("%s = %s (variation %d, %s%s%s)",
                a.path("experimentKey").asText(),
                a.path("inExperiment").asBoolean() ? a.path("value").toString() : "not in experiment",
                a.path("variationId").asInt(),
                a.path("reason").asText(),
                a.path("hashUsed").asBoolean() ? ", hashed" : "",
                a.path("firstExposure").asBoolean() ? ", first exposure recorded" : "");
    }
}
