package dev.hearken.understanding.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void single_label_scores_match_a_hand_computed_confusion() {
        Metrics m = new Metrics();
        m.add("spam", "spam");
        m.add("spam", "ham");
        m.add("ham", "ham");
        m.add("ham", "ham");

        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(m.f1("spam")).isEqualTo(2.0 / 3.0);
        assertThat(m.f1("ham")).isEqualTo(0.8);
        assertThat(m.macroF1()).isCloseTo((2.0 / 3.0 + 0.8) / 2, org.assertj.core.data.Offset.offset(1e-9));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Integer>> confusion = (Map<String, Map<String, Integer>>) m.report(100, 10).get("confusion");
        assertThat(confusion.get("spam")).containsEntry("ham", 1).containsEntry("spam", 1);
    }

    @Test
    void multi_label_scores_each_label_as_its_own_decision() {
        Metrics m = new Metrics();
        m.addMulti(Set.of("ERROR", "USAGE"), Set.of("ERROR"));
        m.addMulti(Set.of("PRICING"), Set.of("PRICING", "USAGE"));

        assertThat(m.accuracy()).isZero();
        assertThat(m.f1("ERROR")).isEqualTo(1.0);
        assertThat(m.f1("USAGE")).isZero();
        assertThat(m.report(1, 1)).containsKeys("accuracy", "macroF1", "perLabel", "confusion", "textsPerSecond", "peakHeapMb");
    }

    @Test
    void the_task_is_guessed_from_the_labels_when_not_given() throws IOException {
        assertThat(Evaluate.guessTask(rows("{\"text\":\"win\",\"label\":\"spam\"}", "{\"text\":\"hi\",\"label\":\"ham\"}")))
                .isEqualTo("spam");
        assertThat(Evaluate.guessTask(rows("{\"text\":\"hola\",\"label\":\"es\",\"lang\":\"es\"}", "{\"text\":\"hi\",\"label\":\"en\",\"lang\":\"en\"}")))
                .isEqualTo("language");
        assertThat(Evaluate.guessTask(rows("{\"text\":\"slow\",\"label\":\"PERFORMANCE\",\"labels_high\":[\"RESOURCES\"],\"lang\":\"en\"}")))
                .isEqualTo("topics");
        assertThat(Evaluate.guessTask(rows("{\"text\":\"refund\",\"label\":\"request_refund\",\"lang\":\"en\"}")))
                .isEqualTo("intent");
    }

    private static List<Example> rows(String... lines) throws IOException {
        return Jsonl.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }
}
