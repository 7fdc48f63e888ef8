package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearken.push.domain.MailFeedback;
import dev.hearken.push.domain.MailFeedback.Kind;
import dev.hearken.push.domain.UserProfile.EmailStatus;
import dev.hearken.push.provider.UnsubscribeTokens;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailFeedbackServiceTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("https://hearken.example/mail/unsubscribe",
            id -> JsonNodeFactory.instance.objectNode().put("unsubscribeKey", Base64.getEncoder().encodeToString(new byte[32])),
            "hearken/push-mail");
    private final UnsubscribeServiceTest.Preferences users = new UnsubscribeServiceTest.Preferences();
    private final MailFeedbackService service = new MailFeedbackService(tokens, users);

    @BeforeEach
    void given_a_user_with_an_address() {
        users.addresses.put("user-1003", "haruto.sato@example.org");
    }

    private MailFeedback feedback(Kind kind, String user, String address) {
        return new MailFeedback(kind, user == null ? null : tokens.recipientTag(user).orElseThrow(), List.of(address), "ses-1");
    }

    @Test
    void a_permanent_bounce_marks_the_address_bounced() {
        assertThat(service.apply(feedback(Kind.PERMANENT_BOUNCE, "user-1003", "haruto.sato@example.org")))
                .isEqualTo(MailFeedbackService.Outcome.MARKED);
        assertThat(users.statuses).containsEntry("user-1003", EmailStatus.BOUNCED);
    }

    @Test
    void a_complaint_marks_the_address_complained() {
        assertThat(service.apply(feedback(Kind.COMPLAINT, "user-1003", "haruto.sato@example.org")))
                .isEqualTo(MailFeedbackService.Outcome.MARKED);
        assertThat(users.statuses).containsEntry("user-1003", EmailStatus.COMPLAINED);
    }

    @Test
    void transient_and_undetermined_bounces_and_other_events_change_nothing() {
        for (Kind kind : List.of(Kind.TRANSIENT_BOUNCE, Kind.UNDETERMINED_BOUNCE, Kind.OTHER)) {
            assertThat(service.apply(feedback(kind, "user-1003", "haruto.sato@example.org")))
                    .isEqualTo(MailFeedbackService.Outcome.IGNORED);
        }
        assertThat(users.statuses).isEmpty();
    }

    @Test
    void feedback_without_our_tag_or_with_a_forged_one_names_nobody() {
        assertThat(service.apply(feedback(Kind.PERMANENT_BOUNCE, null, "haruto.sato@example.org")))
                .isEqualTo(MailFeedbackService.Outcome.UNATTRIBUTED);
        assertThat(service.apply(new MailFeedback(Kind.COMPLAINT, "Zm9yZ2VkLXRhZy1mb3ItdXNlci0xMDAz",
                List.of("haruto.sato@example.org"), "ses-2"))).isEqualTo(MailFeedbackService.Outcome.UNATTRIBUTED);
        assertThat(users.statuses).isEmpty();
    }

    @Test
    void a_bounce_of_an_address_the_user_has_since_replaced_changes_nothing() {
        assertThat(service.apply(feedback(Kind.PERMANENT_BOUNCE, "user-1003", "old.address@example.org")))
                .isEqualTo(MailFeedbackService.Outcome.STALE);
        assertThat(users.statuses).isEmpty();
    }
}
