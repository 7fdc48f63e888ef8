package dev.hearken.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code make explain FILE=<in.jsonl> [OUT=<out.jsonl>] [RULES=<routing-rules.json>]}: one JSON object per input line,
 * in order, with what Hearken would decide and why ({@link Explained}). A line that is not a valid input gets
 * {@code {"id", "error"}} in its place and the command exits with status 1 after the last line.
 *
 * <p>Usage: {@code Explain <in.jsonl> <routing-rules.json> [<out.jsonl>]}.
 */
public final class Explain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Explain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: make explain FILE=<in.jsonl> [OUT=<out.jsonl>] [RULES=<routing-rules.json>]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        if (!Files.isRegularFile(in)) {
            System.err.println("explain: no such file: " + in);
            System.exit(2);
        }
        DecisionPath path = DecisionPath.load(Path.of(args[1]));
        int errors;
        if (args.length > 2 && !args[2].isBlank()) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), false, StandardCharsets.UTF_8)) {
                errors = run(path, in, out);
            }
            System.err.println("explain: wrote " + args[2]);
        } else {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            errors = run(path, in, out);
            out.flush();
        }
        if (errors > 0) {
            System.err.println("explain: " + errors + " line(s) were not valid inputs");
            System.exit(1);
        }
    }

    /** Explains every line of {@code in} to {@code out}; returns the number of invalid lines. */
    static int run(DecisionPath path, Path in, PrintStream out) {
        int errors = 0;
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String id = Integer.toString(number);
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node.hasNonNull("id")) {
                        id = node.get("id").asText();
                    }
                    out.println(JSON.writeValueAsString(path.explain(input(node, id))));
                } catch (IOException | IllegalArgumentException e) {
                    errors++;
                    ObjectNode error = JSON.createObjectNode();
                    error.put("id", id);
                    error.put("error", "line " + number + ": " + message(e));
                    out.println(error);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** One input from a JSON line: {@code text} and optional {@code id, subject, locale, channel, rating}. */
    static ExplainInput input(JsonNode node, String id) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException("text is required and must be a string");
        }
        JsonNode rating = node.get("rating");
        if (rating != null && !rating.isNull() && !rating.canConvertToInt()) {
            throw new IllegalArgumentException("rating must be an integer 1–5");
        }
        return new ExplainInput(id, text.asText(), string(node, "subject"), string(node, "locale"),
                string(node, "channel"), rating == null || rating.isNull() ? null : rating.asInt());
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String message(Exception e) {
        // Jackson quotes the input in its messages: keep only the first line, never what the user wrote.
        String m = e instanceof IOException ? "not valid JSON" : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
