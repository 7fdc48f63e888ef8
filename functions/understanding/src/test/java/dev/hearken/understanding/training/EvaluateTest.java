package dev.hearken.understanding.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {

    @TempDir
    Path dir;

    @Test
    void the_last_line_is_one_json_report_with_every_required_field() throws Exception {
        Path test = dir.resolve("tickets.jsonl");
        Files.write(test, List.of(
                "{\"text\": \"WINNER!! Claim your £900 prize now, call 09061701461\", \"label\": \"spam\"}",
                "{\"text\": \"I cannot log in to my account\", \"label\": \"ham\"}",
                "{\"text\": \"Are we still on for lunch?\", \"label\": \"ham\"}"), StandardCharsets.UTF_8);

        String out = run("--test", test.toString(), "--task", "spam");

        String[] lines = out.strip().split("\n");
        JsonNode report = Jsonl.mapper().readTree(lines[lines.length - 1]);
        assertThat(report.fieldNames()).toIterable()
                .contains("accuracy", "macroF1", "perLabel", "confusion", "textsPerSecond", "peakHeapMb");
        assertThat(report.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/perLabel/spam/recall").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/confusion/ham/ham").asInt()).isEqualTo(2);
    }

    @Test
    void with_a_train_file_it_trains_the_task_model_on_that_file() throws Exception {
        Path train = dir.resolve("train.jsonl");
        Path test = dir.resolve("test.jsonl");
        Files.write(train, List.of(
                "{\"text\": \"where is my parcel\", \"label\": \"delivery\"}",
                "{\"text\": \"my parcel has not arrived\", \"label\": \"delivery\"}",
                "{\"text\": \"parcel delivery is late\", \"label\": \"delivery\"}",
                "{\"text\": \"how much does the plan cost\", \"label\": \"pricing\"}",
                "{\"text\": \"what is the price of premium\", \"label\": \"pricing\"}",
                "{\"text\": \"is the plan expensive\", \"label\": \"pricing\"}"), StandardCharsets.UTF_8);
        Files.write(test, List.of(
                "{\"text\": \"the parcel is late\", \"label\": \"delivery\"}",
                "{\"text\": \"price of the plan\", \"label\": \"pricing\"}"), StandardCharsets.UTF_8);

        String out = run("--test", test.toString(), "--train", train.toString(), "--task", "intent");

        String[] lines = out.strip().split("\n");
        JsonNode report = Jsonl.mapper().readTree(lines[lines.length - 1]);
        assertThat(report.get("model").asText()).isEqualTo("trained:train.jsonl");
        assertThat(report.get("accuracy").asDouble()).isEqualTo(1.0);
    }

    private static String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Evaluate.main(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
