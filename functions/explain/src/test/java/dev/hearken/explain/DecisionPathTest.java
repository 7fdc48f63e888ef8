package dev.hearken.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The offline decision path with the shipped models and the seed's routing rules. */
class DecisionPathTest {

    static final Path RULES = Path.of("../../infra/seed/tables/routing-rules.json");
    static final DecisionPath PATH = DecisionPath.load(RULES);
    static final long PRIVACY_GROUP = 360000000101L;
    static final long LEGAL_GROUP = 360000000102L;

    @Test
    void a_korean_deletion_request_never_reaches_auto_reply_and_goes_to_the_privacy_team() {
        Explained e = PATH.explain(new ExplainInput("ko-1", "계정이랑 개인정보 전부 삭제해 주세요", null, null, "email", null));

        assertThat(e.language()).isEqualTo("ko");
        assertThat(e.flags()).contains("privacy");
        assertThat(e.group()).isEqualTo(PRIVACY_GROUP);
        assertThat(e.tags()).contains("hearken_priority", "hearken_privacy");
        assertThat(e.autoReply()).isFalse();
        assertThat(e.autoReplyReason()).contains("never auto-replied");
        assertThat(e.reasons()).anyMatch(r -> r.startsWith("rule:privacy.lexicon"))
                .anyMatch(r -> r.startsWith("routing:")).anyMatch(r -> r.startsWith("auto-reply:"));
    }

    @Test
    void an_arabic_legal_threat_goes_to_the_legal_team() {
        Explained e = PATH.explain(new ExplainInput("ar-1", "سأرفع دعوى قضائية ضدكم عن طريق محامي", null, null, "webform",
                null));

        assertThat(e.flags()).contains("legal");
        assertThat(e.group()).isEqualTo(LEGAL_GROUP);
        assertThat(e.autoReply()).isFalse();
    }

    @Test
    void a_greeting_gets_the_instant_answer_that_asks_for_details() {
        Explained e = PATH.explain(new ExplainInput("hi", "Hello?", null, "en-US", "chat", null));

        assertThat(e.intent()).isEqualTo("dummy");
        assertThat(e.autoReply()).isTrue();
        assertThat(e.tags()).contains("needs_details");
    }

    @Test
    void a_two_word_request_is_not_dummy() {
        Explained e = PATH.explain(new ExplainInput("ko-2", "환불해 주세요", null, null, "email", null));

        assertThat(e.intent()).isNotEqualTo("dummy");
    }

    @Test
    void a_privacy_review_is_never_answered_and_a_praise_review_is() {
        Explained privacy = PATH.explain(new ExplainInput("r1", "Delete my account and all my personal data, GDPR request",
                null, null, "review", 1));
        Explained praise = PATH.explain(new ExplainInput("r2", "Love this app, the new filters are amazing! Thank you",
                "Great", null, "review", 5));

        assertThat(privacy.flags()).contains("privacy");
        assertThat(privacy.autoReply()).isFalse();
        assertThat(privacy.autoReplyReason()).startsWith("priority review");
        assertThat(privacy.group()).isNull();
        assertThat(praise.intent()).isEqualTo("praise");
        assertThat(praise.autoReply()).isTrue();
        assertThat(praise.autoReplyReason()).contains("praise-thanks");
    }
}
