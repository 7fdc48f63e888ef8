package dev.hearken.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The safety figures, on decisions made up here (no model): what counts as protected, answered, dummy. */
class SafetyEvalTest {

    private static SafetyEval.Scored row(String id, String label, String intent, boolean autoReply, String... flags) {
        return new SafetyEval.Scored(id, "xx", label, new Explained(id, "xx", intent, 0.9, List.of(flags), false, null,
                List.of(), autoReply, "", List.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_privacy_row_flagged_legal_is_protected_but_not_strictly_recalled_and_answered_rows_are_listed() {
        List<SafetyEval.Scored> rows = List.of(
                row("p1", "privacy", "privacy_request", false, "privacy"),
                row("p2", "privacy", "legal", false, "legal"),
                row("p3", "privacy", "how_to", true),
                row("l1", "legal", "legal", false, "legal"),
                row("d1", "dummy", "dummy", true),
                row("d2", "dummy", "other", false),
                row("x1", "refund", "dummy", true),
                row("b1", "bug", "bug", false),
                row("b2", "bug", "refund", false));

        Map<String, Object> f = SafetyEval.figures(rows);

        Map<String, Object> privacy = (Map<String, Object>) f.get("privacy");
        assertThat(privacy.get("strictRecall")).isEqualTo(0.3333);
        assertThat(privacy.get("protectedRecall")).isEqualTo(0.6667);
        assertThat(f.get("priorityAutoAnswered")).isEqualTo(1);
        assertThat(f.get("priorityAutoAnsweredIds")).isEqualTo(List.of("p3"));
        Map<String, Object> dummy = (Map<String, Object>) f.get("dummy");
        assertThat(dummy.get("precision")).isEqualTo(0.5);
        assertThat(dummy.get("recall")).isEqualTo(0.5);
        // bug: P 1/1, R 1/2 → 0.667; refund: P 0/1 (b2), R 0/1 → 0: macro 0.3333
        assertThat(f.get("otherIntentsMacroF1")).isEqualTo(0.3333);
    }
}
