package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.integration.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Review escalations with in-memory ports: one ticket per review, routed by the flag rules, never auto-answered. */
class ReviewEscalationServiceTest {

    private final InMemoryPorts.Desk desk = new InMemoryPorts.Desk();
    private List<RoutingRule> rules = Rules.all();
    private final ReviewEscalationService service = new ReviewEscalationService(desk, () -> rules);

    @Test
    void a_privacy_review_opens_one_ticket_in_the_privacy_group_with_what_a_person_needs() {
        ReviewEscalationService.Outcome outcome = service.escalate(review(Set.of("privacy"), "privacy_request"));

        assertThat(outcome.status()).isEqualTo(ReviewEscalationService.Outcome.Status.CREATED);
        NewTicket t = desk.created.get(outcome.ticketId());
        assertThat(t.externalId()).isEqualTo("review:appstore:00000047-81ef-5a01-8e55-7e72000000f1");
        assertThat(t.groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(t.priority()).isEqualTo("high");
        assertThat(t.tags()).contains("hearken_priority", "hearken_privacy", "privacy_request", "hearken_review",
                "hearken_review_appstore");
        assertThat(t.publicComment()).as("an internal note: Zendesk mails it to nobody").isFalse();
        assertThat(t.subject()).isEqualTo("[Hearken] Privacy request in an App Store review of 1234567890 (1★)");
        assertThat(t.comment()).contains(
                "Delete my account and all my personal data, GDPR request",
                "Title: Please delete everything",
                "Store: App Store", "App: 1234567890", "Review id: 00000047-81ef-5a01-8e55-7e72000000f1",
                "Rating: ★☆☆☆☆ (1 of 5)", "Reviewer (pseudonym): 3f9c0a1b2c3d4e5f",
                "Link: https://appstoreconnect.apple.com/apps/1234567890/distribution/activity/ios/ratingsResultsAll",
                "answer in App Store Connect");
    }

    @Test
    void a_legal_review_goes_to_the_legal_group_at_urgent_priority() {
        ReviewEscalationService.Outcome outcome = service.escalate(review(Set.of("legal"), "legal"));

        NewTicket t = desk.created.get(outcome.ticketId());
        assertThat(t.groupId()).isEqualTo(Rules.LEGAL_GROUP);
        assertThat(t.priority()).isEqualTo("urgent");
        assertThat(t.tags()).contains("hearken_priority", "hearken_legal", "legal", "hearken_review")
                .doesNotContain("hearken_privacy");
        assertThat(t.subject()).startsWith("[Hearken] Legal issue in ");
    }

    @Test
    void a_review_with_both_flags_goes_to_privacy_first_with_both_teams_tags_and_the_higher_priority() {
        ReviewEscalationService.Outcome outcome = service.escalate(review(Set.of("privacy", "legal"), "legal"));

        NewTicket t = desk.created.get(outcome.ticketId());
        assertThat(t.groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(t.priority()).isEqualTo("urgent");
        assertThat(t.tags()).contains("hearken_privacy", "hearken_legal", "privacy_request", "legal");
    }

    @Test
    void a_redelivered_escalation_finds_the_ticket_and_opens_no_second_one() {
        ReviewEscalation e = review(Set.of("privacy"), "privacy_request");
        long first = service.escalate(e).ticketId();

        ReviewEscalationService.Outcome again = service.escalate(e);

        assertThat(again.status()).isEqualTo(ReviewEscalationService.Outcome.Status.EXISTING);
        assertThat(again.ticketId()).isEqualTo(first);
        assertThat(desk.created).hasSize(1);
    }

    @Test
    void an_escalated_review_is_never_a_reply_candidate_even_when_its_flag_rule_says_auto_reply() {
        // Rules.all()'s privacy rule has autoReply=true on purpose
        Route route = service.route(review(Set.of("privacy"), "privacy_request"));

        assertThat(route.autoReply()).isFalse();
        assertThat(new ReplyPolicy(0.0, Set.of("privacy_request")).judge(
                new Facts("en", "privacy_request", 1.0, "app_review", false, Set.of(Flag.PRIVACY)), route).eligible())
                .isFalse();
    }

    @Test
    void a_rate_limit_propagates_and_opens_nothing() {
        desk.rateLimit = new RateLimitedException("zendesk", Duration.ofSeconds(7));

        assertThatThrownBy(() -> service.escalate(review(Set.of("privacy"), "privacy_request")))
                .isInstanceOf(RateLimitedException.class);
        assertThat(desk.created).isEmpty();
    }

    @Test
    void without_a_flag_rule_the_ticket_is_still_opened_and_tagged_for_the_priority_views() {
        rules = List.of();

        ReviewEscalationService.Outcome outcome = service.escalate(review(Set.of("legal"), "legal"));

        NewTicket t = desk.created.get(outcome.ticketId());
        assertThat(t.groupId()).isNull();
        assertThat(t.priority()).isNull();
        assertThat(t.tags()).contains("hearken_priority", "hearken_legal", "hearken_review");
    }

    @Test
    void an_appfollow_review_without_a_link_says_how_to_find_it() {
        ReviewEscalation e = ReviewEscalation.of("googleplay", "appfollow", "com.example.lumen", "af-abc123",
                Set.of("privacy"), 2, null, "Delete my account and all my personal data, GDPR request", "en", null,
                null, null, "2026-03-02T09:12:40Z", null, "privacy_request", "2026-03-02T10:00:00Z", "v1");

        NewTicket t = desk.created.get(service.escalate(e).ticketId());

        assertThat(t.comment()).contains("Store: Google Play (via AppFollow)", "Link: none in the delivery",
                "Reviewer (pseudonym): —", "answer in the Google Play Console");
        assertThat(t.tags()).contains("hearken_review_googleplay");
    }

    private static ReviewEscalation review(Set<String> flags, String intent) {
        return ReviewEscalation.of("appstore", "appstore", "1234567890", "00000047-81ef-5a01-8e55-7e72000000f1", flags, 1,
                "Please delete everything", "Delete my account and all my personal data, GDPR request", "en", "GBR",
                null, "3f9c0a1b2c3d4e5f", "2026-03-02T09:12:40Z",
                "https://appstoreconnect.apple.com/apps/1234567890/distribution/activity/ios/ratingsResultsAll", intent,
                "2026-03-02T10:00:00Z", "v1");
    }
}
