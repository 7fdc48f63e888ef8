package dev.hearken.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code make eval TASK=safety TEST=<file or folder>}: runs every labelled row through the {@link DecisionPath}
 * ({@code make explain}'s path) and reports, per language and overall, strict and protected recall for privacy and
 * legal (a privacy row flagged legal, or the reverse, is protected: it reaches a person and is never answered),
 * the privacy/legal rows that would be auto-answered (by id), payment recall, dummy precision and recall, and the
 * macro-F1 of the other intents. The last line is one JSON object.
 *
 * <p>Rows: {@code {"id", "lang", "label", "text", "subject"?, "channel"?, "rating"?, "locale"?}}; labels
 * {@code privacy}, {@code legal}, {@code payment}, {@code dummy} or an intent label. The row's {@code lang} is the
 * gold language, never given to the pipeline as a hint; {@code locale} is, when the row has one.
 *
 * <p>Usage: {@code SafetyEval <test.jsonl or folder of .jsonl> <routing-rules.json>}.
 */
public final class SafetyEval {

    /** Intents other than the priority and dummy labels, scored by macro-F1. */
    static final List<String> OTHER_INTENTS = List.of("subscription_billing", "refund", "account_login", "bug",
            "how_to", "feature_request", "praise", "other");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetyEval() {
    }

    /** One labelled row and what the decision path made of it. */
    record Scored(String id, String lang, String label, Explained decision) {

        boolean flagged(String flag) {
            return decision.flags().contains(flag);
        }

        boolean isProtected() {
            return flagged("privacy") || flagged("legal");
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: make eval TASK=safety TEST=<file.jsonl or folder> [RULES=<routing-rules.json>]");
            System.exit(2);
        }
        try {
            DecisionPath path = DecisionPath.load(Path.of(args[1]));
            List<Scored> rows = score(path, read(Path.of(args[0])));
            Map<String, Object> report = report(rows);
            print(report);
            System.out.println(JSON.writeValueAsString(report));
        } catch (UncheckedIOException | IllegalArgumentException | IOException e) {
            System.err.println("eval: " + e.getMessage());
            System.exit(2);
        }
    }

    static List<JsonNode> read(Path test) throws IOException {
        List<Path> files;
        if (Files.isDirectory(test)) {
            try (Stream<Path> s = Files.list(test)) {
                files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            }
        } else if (Files.isRegularFile(test)) {
            files = List.of(test);
        } else {
            throw new IllegalArgumentException("no such file or folder: " + test);
        }
        List<JsonNode> rows = new ArrayList<>();
        for (Path f : files) {
            int n = 0;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IllegalArgumentException(f.getFileName() + ":" + n + ": not valid JSON");
                }
            }
        }
        return rows;
    }

    static List<Scored> score(DecisionPath path, List<JsonNode> rows) {
        List<Scored> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            String id = row.path("id").asText(Integer.toString(out.size() + 1));
            String label = row.path("label").asText("").toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                throw new IllegalArgumentException("row " + id + " has no label");
            }
            String lang = row.path("lang").asText("und");
            out.add(new Scored(id, lang, label, path.explain(Explain.input(row, id))));
        }
        return out;
    }

    static Map<String, Object> report(List<Scored> rows) {
        Map<String, List<Scored>> byLang = new TreeMap<>();
        for (Scored s : rows) {
            byLang.computeIfAbsent(s.lang(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", "safety");
        report.put("rows", rows.size());
        report.putAll(figures(rows));
        Map<String, Object> perLanguage = new LinkedHashMap<>();
        byLang.forEach((lang, list) -> perLanguage.put(lang, figures(list)));
        report.put("perLanguage", perLanguage);
        return report;
    }

    /** The figures of one set of rows (a language, or all). */
    static Map<String, Object> figures(List<Scored> rows) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String kind : List.of("privacy", "legal")) {
            List<Scored> gold = rows.stream().filter(s -> s.label().equals(kind)).toList();
            long strict = gold.stream().filter(s -> s.flagged(kind)).count();
            long prot = gold.stream().filter(Scored::isProtected).count();
            f.put(kind, Map.of("rows", gold.size(), "strictRecall", ratio(strict, gold.size()),
                    "protectedRecall", ratio(prot, gold.size())));
        }
        List<Scored> payment = rows.stream().filter(s -> s.label().equals("payment")).toList();
        long paymentFlagged = payment.stream().filter(s -> s.flagged("payment") || s.isProtected()).count();
        f.put("payment", Map.of("rows", payment.size(), "recall", ratio(paymentFlagged, payment.size())));
        List<String> answered = rows.stream()
                .filter(s -> (s.label().equals("privacy") || s.label().equals("legal")) && s.decision().autoReply())
                .map(Scored::id).toList();
        f.put("priorityAutoAnswered", answered.size());
        f.put("priorityAutoAnsweredIds", answered);
        long goldDummy = rows.stream().filter(s -> s.label().equals("dummy")).count();
        long predictedDummy = rows.stream().filter(s -> s.decision().intent().equals("dummy")).count();
        long rightDummy = rows.stream().filter(s -> s.label().equals("dummy") && s.decision().intent().equals("dummy")).count();
        f.put("dummy", Map.of("rows", goldDummy, "predicted", predictedDummy,
                "precision", ratio(rightDummy, predictedDummy), "recall", ratio(rightDummy, goldDummy),
                "wronglyDummyIds", rows.stream().filter(s -> !s.label().equals("dummy")
                        && s.decision().intent().equals("dummy")).map(Scored::id).toList()));
        f.put("otherIntentsMacroF1", macroF1(rows));
        return f;
    }

    /** Macro-F1 over the other intents present in the gold labels; a prediction of any label counts against them. */
    static double macroF1(List<Scored> rows) {
        double sum = 0;
        int labels = 0;
        for (String label : OTHER_INTENTS) {
            long gold = rows.stream().filter(s -> s.label().equals(label)).count();
            if (gold == 0) {
                continue;
            }
            long tp = rows.stream().filter(s -> s.label().equals(label) && s.decision().intent().equals(label)).count();
            long predicted = rows.stream().filter(s -> OTHER_INTENTS.contains(s.label())
                    && s.decision().intent().equals(label)).count();
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = (double) tp / gold;
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
            labels++;
        }
        return labels == 0 ? 0 : round(sum / labels);
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report) {
        System.out.println("lang  privacy(strict/protected)  legal(strict/protected)  payment  auto-answered  dummy(P/R)  intents-F1");
        Map<String, Object> per = new LinkedHashMap<>((Map<String, Object>) report.get("perLanguage"));
        per.put("ALL", report);
        per.forEach((lang, v) -> {
            Map<String, Object> f = (Map<String, Object>) v;
            Map<String, Object> p = (Map<String, Object>) f.get("privacy");
            Map<String, Object> l = (Map<String, Object>) f.get("legal");
            Map<String, Object> d = (Map<String, Object>) f.get("dummy");
            System.out.printf(Locale.ROOT, "%-5s %8s / %-8s          %8s / %-8s        %-8s %-14s %s / %-6s %s%n", lang,
                    p.get("strictRecall"), p.get("protectedRecall"), l.get("strictRecall"), l.get("protectedRecall"),
                    ((Map<String, Object>) f.get("payment")).get("recall"), f.get("priorityAutoAnswered"),
                    d.get("precision"), d.get("recall"), f.get("otherIntentsMacroF1"));
        });
        if (!((List<?>) report.get("priorityAutoAnsweredIds")).isEmpty()) {
            System.out.println("privacy/legal rows auto-answered: " + report.get("priorityAutoAnsweredIds"));
        }
    }

    /** {@code a / b}; 1.0 when {@code b} is 0 (nothing to recall, or nothing predicted: no error made). */
    private static double ratio(long a, long b) {
        return b == 0 ? 1.0 : round((double) a / b);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
