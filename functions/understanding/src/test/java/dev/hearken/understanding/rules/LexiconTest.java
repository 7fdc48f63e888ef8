package dev.hearken.understanding.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.understanding.PrioritySignal;
import dev.hearken.understanding.text.TextFold;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matching engine on small hand-made lexicons: where terms match, pairs, dummy, folding of patterns. */
class LexiconTest {

    private static Lexicon lexicon(Map<String, List<String>> rows) {
        return new Lexicon(rows);
    }

    private static List<String> terms(Lexicon l, String category, String text) {
        return l.hits(category, TextFold.fold(text), 10, Lexicon.MAX_PRIORITY_CHARS).stream().map(Lexicon.Hit::term).toList();
    }

    @Test
    void latin_terms_match_as_prefixes_at_a_word_start_and_where_the_script_changes() {
        Lexicon l = lexicon(Map.of("legal", List.of("sue\\b", "gdpr", "(?:law|solicit)(?:yer|or)")));

        assertThat(terms(l, "legal", "I will sue you")).containsExactly("sue");
        assertThat(terms(l, "legal", "nice suede jacket, pursue it")).isEmpty();
        assertThat(terms(l, "legal", "根据GDPR我要求")).containsExactly("gdpr");
        assertThat(terms(l, "legal", "my lawyer and my solicitor")).containsExactly("lawyer", "solicitor");
    }

    @Test
    void terms_of_scripts_without_spaces_or_with_attached_prefixes_match_anywhere() {
        Lexicon l = lexicon(Map.of("privacy", List.of("삭제", "حذف", "ลบบัญชี", "מחק")));

        assertThat(terms(l, "privacy", "계정삭제해주세요")).containsExactly("삭제");
        assertThat(terms(l, "privacy", "وحذف حسابي")).containsExactly("حذف");
        assertThat(terms(l, "privacy", "ช่วยลบบัญชีด้วย")).containsExactly("ลบบัญชี");
        assertThat(terms(l, "privacy", "ומחקתי")).containsExactly("מחק");
    }

    @Test
    void patterns_are_folded_like_text_so_missing_diacritics_still_match() {
        Lexicon l = lexicon(Map.of("privacy", List.of("exclusão da (?:minha )?conta", "hesabımı sil")));

        assertThat(terms(l, "privacy", "quero a EXCLUSAO DA MINHA CONTA")).hasSize(1);
        assertThat(terms(l, "privacy", "hesabimi silin")).hasSize(1);
    }

    @Test
    void an_action_and_its_object_make_a_signal_only_when_close_in_either_order() {
        Signals s = new Signals(lexicon(Map.of("privacy:act", List.of("delet", "삭제"),
                "privacy:object", List.of("account", "계정"))));

        assertThat(s.priority(TextFold.fold("please delete my account"))).containsKey(PrioritySignal.PRIVACY);
        assertThat(s.priority(TextFold.fold("계정 삭제"))).containsEntry(PrioritySignal.PRIVACY, "계정 … 삭제");
        assertThat(s.priority(TextFold.fold("I deleted the photo. " + "x".repeat(80) + " my account is fine")))
                .doesNotContainKey(PrioritySignal.PRIVACY);
    }

    @Test
    void a_message_is_dummy_only_when_nothing_but_fillers_punctuation_and_emoji_remain() {
        Lexicon l = lexicon(Map.of("dummy", List.of("hi", "thanks", "안녕하세요", "anyone there?")));

        assertThat(l.isDummy(TextFold.fold("Hi!! 🙏"))).isTrue();
        assertThat(l.isDummy(TextFold.fold("hi, anyone there?"))).isTrue();
        assertThat(l.isDummy(TextFold.fold("안녕하세요~~"))).isTrue();
        assertThat(l.isDummy(TextFold.fold("???"))).isTrue();
        assertThat(l.isDummy(TextFold.fold("hi refund"))).isFalse();
        assertThat(l.isDummy(TextFold.fold("history"))).isFalse(); // "hi" must stand as a word
        assertThat(l.isDummy(TextFold.fold("thanks ".repeat(40)))).isFalse(); // long messages are never dummy
    }

    @Test
    void a_group_or_class_at_the_start_is_expanded_and_optional_or_complex_starts_are_kept_whole() {
        Lexicon l = lexicon(Map.of("x", List.of("[dr]ata\\b", "(?:a|b)?c", "\\w+ing\\b")));

        assertThat(terms(l, "x", "data rata bata")).containsExactly("data", "rata");
        assertThat(terms(l, "x", "c ac bc")).containsExactly("c", "ac", "bc");
        assertThat(terms(l, "x", "nothing")).containsExactly("nothing");
    }

    @Test
    void the_shipped_lexicon_loads_every_required_language() {
        Lexicon shipped = Lexicon.load();

        assertThat(shipped.has("privacy:act")).isTrue();
        assertThat(shipped.has("payment:problem")).isTrue();
        assertThatThrownBy(() -> lexicon(Map.of("privacy", List.of("(unclosed")))).isInstanceOf(RuntimeException.class);
    }
}
