package dev.hearken.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_line_gets_one_object_in_order_and_bad_lines_get_an_error_without_the_text(@TempDir Path dir)
            throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"a\", \"text\": \"Bitte löschen Sie mein Konto und alle meine Daten\", \"channel\": \"webform\"}",
                "{\"text\": \"secret words\", \"channel\": \"fax\"}",
                "not json at all: my password is hunter2",
                "",
                "{\"id\": 7, \"text\": \"thanks!\", \"subject\": null, \"rating\": 5, \"channel\": \"review\"}"), StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int errors = Explain.run(DecisionPathTest.PATH, in, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors).isEqualTo(2);
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "language", "intent", "intentConfidence",
                "flags", "spam", "group", "tags", "autoReply", "autoReplyReason", "reasons");
        assertThat(first.get("flags").toString()).contains("privacy");
        assertThat(JSON.readTree(lines.get(1)).get("id").asText()).isEqualTo("2");
        assertThat(lines.get(1)).contains("channel must be one of").doesNotContain("secret words");
        assertThat(lines.get(2)).contains("not valid JSON").doesNotContain("hunter2");
        assertThat(JSON.readTree(lines.get(3)).get("id").asText()).isEqualTo("7");
    }
}
