package dev.hearken.understanding.training;

import dev.hearken.understanding.model.Featurizer;
import dev.hearken.understanding.model.LinearModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** How each shipped model is trained; shared by {@link Train} and {@link Evaluate} (with {@code TRAIN=}). */
public final class Tasks {

    static final int FOLDS = 5;

    /** banking77 intents that map to a product intent; the rest are how-to questions about the product. */
    static final Map<String, String> BANKING_TO_INTENT = Map.ofEntries(
            Map.entry("Refund_not_showing_up", "refund"), Map.entry("request_refund", "refund"),
            Map.entry("reverted_card_payment?", "refund"),
            Map.entry("card_payment_fee_charged", "subscription_billing"), Map.entry("extra_charge_on_statement", "subscription_billing"),
            Map.entry("transaction_charged_twice", "subscription_billing"), Map.entry("card_payment_not_recognised", "subscription_billing"),
            Map.entry("direct_debit_payment_not_recognised", "subscription_billing"), Map.entry("declined_card_payment", "subscription_billing"),
            Map.entry("pending_card_payment", "subscription_billing"), Map.entry("exchange_charge", "subscription_billing"),
            Map.entry("transfer_fee_charged", "subscription_billing"), Map.entry("top_up_by_card_charge", "subscription_billing"),
            Map.entry("top_up_by_bank_transfer_charge", "subscription_billing"), Map.entry("cash_withdrawal_charge", "subscription_billing"),
            Map.entry("top_up_failed", "subscription_billing"), Map.entry("automatic_top_up", "subscription_billing"),
            Map.entry("passcode_forgotten", "account_login"), Map.entry("pin_blocked", "account_login"),
            Map.entry("change_pin", "account_login"), Map.entry("edit_personal_details", "account_login"),
            Map.entry("terminate_account", "account_login"), Map.entry("verify_my_identity", "account_login"),
            Map.entry("unable_to_verify_identity", "account_login"), Map.entry("why_verify_identity", "account_login"),
            Map.entry("lost_or_stolen_phone", "account_login"));

    private Tasks() {
    }

    /** A project-written seed example. */
    record Seed(String task, String label, String lang, String text) {
    }

    /** The seeds of one file, or of every {@code .tsv} file under a folder (in path order). */
    static List<Seed> seeds(Path file) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        if (Files.isDirectory(file)) {
            try (var files = Files.walk(file)) {
                return files.filter(f -> f.toString().endsWith(".tsv")).sorted()
                        .flatMap(f -> seeds(f).stream()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            List<Seed> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", 4);
                out.add(new Seed(c[0], c[1], c[2], c[3]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binary spam model; the spam threshold is chosen by cross-validation and moved to 0.5. */
    static LinearModel spam(List<Example> rows, List<Seed> seeds, TribuoTrainer.Settings settings) {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        rows.forEach(e -> {
            texts.add(e.text());
            labels.add(e.label());
        });
        seeds.stream().filter(s -> s.task().equals("spam")).forEach(s -> {
            texts.add(s.text());
            labels.add(s.label());
        });
        String positive = labels.contains("spam") ? "spam" : new TreeSet<>(labels).last();
        List<Featurizer.Features> xs = texts.stream().map(Featurizer::of).toList();
        double t = threshold(xs, labels.stream().map(l -> l.equals(positive) ? Set.of("yes") : Set.<String>of()).toList(),
                "yes", settings, (trainX, trainY) -> {
                    LinearModel m = TribuoTrainer.softmax("cv", trainX, trainY.stream().map(y -> y.isEmpty() ? "no" : "yes").toList(), settings);
                    return x -> m.predict(x)[m.labels().indexOf("yes")];
                });
        LinearModel model = TribuoTrainer.softmax("spam", xs, labels, settings);
        System.err.printf("spam: %d rows, threshold %.2f (%d-fold CV on train)%n", xs.size(), t, FOLDS);
        return model.withBiasShift(model.labels().indexOf(positive), (float) -logit(t));
    }

    /** Fine-grained intents exactly as labelled (banking77: 77 intents). */
    static LinearModel intentDetail(List<Example> rows, TribuoTrainer.Settings settings) {
        List<Featurizer.Features> xs = rows.stream().map(e -> Featurizer.of(e.text())).toList();
        return TribuoTrainer.softmax("intent-detail", xs, rows.stream().map(Example::label).toList(), settings);
    }

    /** Product intents: banking77 mapped, app reviews mapped, and the project-written seeds. */
    static LinearModel intent(List<Example> banking, List<Example> reviews, List<Seed> seeds, TribuoTrainer.Settings settings) {
        List<Featurizer.Features> xs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int howTo = 0;
        for (Example e : banking) {
            String l = BANKING_TO_INTENT.getOrDefault(e.label(), "how_to");
            if (l.equals("how_to") && howTo++ >= 500) {
                continue; // keep how-to from dominating the product model
            }
            xs.add(Featurizer.of(e.text()));
            labels.add(l);
        }
        for (Example e : reviews) {
            String l;
            if (e.labels().contains("ERROR")) {
                l = "bug";
            } else if (e.labels().contains("PRICING")) {
                l = "subscription_billing";
            } else if (e.rating() != null && e.rating() >= 4 && e.labels().equals(List.of("OTHER"))) {
                l = "praise";
            } else {
                l = "other";
            }
            xs.add(Featurizer.of(e.text(), e.rating()));
            labels.add(l);
        }
        for (Seed s : seeds) {
            if (s.task().equals("intent")) {
                // seeds are few: repeat them so each weighs like a handful of public examples
                for (int r = 0; r < 3; r++) {
                    xs.add(Featurizer.of(s.text()));
                    labels.add(s.label());
                }
            }
        }
        System.err.printf("intent: %d rows%n", xs.size());
        return TribuoTrainer.softmax("intent", xs, labels, settings);
    }

    /** Multi-label topics ({@code labels_high}); per-label thresholds by cross-validation, moved to 0.5. */
    static LinearModel topics(List<Example> rows, TribuoTrainer.Settings settings) {
        List<Featurizer.Features> xs = rows.stream().map(e -> Featurizer.of(e.text(), e.rating())).toList();
        List<Set<String>> ys = rows.stream().map(e -> (Set<String>) new HashSet<>(e.labels())).toList();
        Set<String> all = new TreeSet<>();
        ys.forEach(all::addAll);
        List<String> labels = List.copyOf(all);
        LinearModel model = TribuoTrainer.multiLabel("topics", xs, ys, labels, settings);
        for (int l = 0; l < labels.size(); l++) {
            String label = labels.get(l);
            double t = threshold(xs, ys, label, settings, (trainX, trainY) -> {
                LinearModel m = TribuoTrainer.softmax("cv", trainX, trainY.stream().map(y -> y.contains(label) ? "yes" : "no").toList(), settings);
                return x -> m.predict(x)[m.labels().indexOf("yes")];
            });
            System.err.printf("topics: %s threshold %.2f%n", label, t);
            model = model.withBiasShift(l, (float) -logit(t));
        }
        return model;
    }

    interface Scorer {
        double score(Featurizer.Features x);
    }

    interface Fit {
        Scorer fit(List<Featurizer.Features> xs, List<Set<String>> ys);
    }

    /** The probability threshold that maximises out-of-fold F1 of {@code label}. */
    static double threshold(List<Featurizer.Features> xs, List<Set<String>> ys, String label,
                            TribuoTrainer.Settings settings, Fit fit) {
        int n = xs.size();
        double[] oof = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            List<Featurizer.Features> tx = new ArrayList<>();
            List<Set<String>> ty = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % FOLDS != f) {
                    tx.add(xs.get(i));
                    ty.add(ys.get(i));
                }
            }
            Scorer s = fit.fit(tx, ty);
            for (int i = f; i < n; i += FOLDS) {
                oof[i] = s.score(xs.get(i));
            }
        }
        double best = 0.5;
        double bestF1 = -1;
        for (int k = 5; k <= 95; k += 5) {
            double t = k / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                boolean g = ys.get(i).contains(label);
                boolean p = oof[i] >= t;
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
