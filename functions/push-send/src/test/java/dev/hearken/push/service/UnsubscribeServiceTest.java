package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.MailPreferences;
import dev.hearken.push.provider.UnsubscribeTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsubscribeServiceTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("https://hearken.example/mail/unsubscribe",
            id -> JsonNodeFactory.instance.objectNode().put("unsubscribeKey", Base64.getEncoder().encodeToString(new byte[32])),
            "hearken/push-mail");
    private final Preferences preferences = new Preferences();
    private final UnsubscribeService service = new UnsubscribeService(tokens, preferences);

    @Test
    void a_valid_token_opts_its_user_out_of_the_programs_email_once_however_often_it_is_used() {
        String token = tokens.token("user-1006", "product-news");

        UnsubscribeService.Outcome first = service.unsubscribe("product-news", token);
        UnsubscribeService.Outcome again = service.unsubscribe("product-news", token);

        assertThat(first).isEqualTo(UnsubscribeService.Outcome.UNSUBSCRIBED);
        assertThat(again).isEqualTo(UnsubscribeService.Outcome.UNSUBSCRIBED);
        assertThat(preferences.optOuts).containsExactly(Map.entry("user-1006", List.of("email:product-news")));
    }

    @Test
    void a_tampered_token_or_one_for_another_program_changes_nothing() {
        String token = tokens.token("user-1006", "product-news");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(service.unsubscribe("product-news", tampered)).isEqualTo(UnsubscribeService.Outcome.INVALID_TOKEN);
        assertThat(service.unsubscribe("onboarding", token)).isEqualTo(UnsubscribeService.Outcome.INVALID_TOKEN);
        assertThat(service.unsubscribe("product-news", "not base64 at all!")).isEqualTo(UnsubscribeService.Outcome.INVALID_TOKEN);
        assertThat(service.unsubscribe("Product News", token)).isEqualTo(UnsubscribeService.Outcome.INVALID_TOKEN);
        assertThat(service.unsubscribe(null, token)).isEqualTo(UnsubscribeService.Outcome.INVALID_TOKEN);
        assertThat(preferences.optOuts).isEmpty();
    }

    @Test
    void checking_a_token_for_the_confirmation_page_changes_nothing() {
        String token = tokens.token("user-1006", "product-news");

        assertThat(service.valid("product-news", token)).isTrue();
        assertThat(service.valid("onboarding", token)).isFalse();
        assertThat(preferences.optOuts).isEmpty();
    }

    @Test
    void following_the_link_offers_the_form_for_a_valid_token_and_changes_nothing() {
        String token = tokens.token("user-1006", "product-news");

        assertThat(service.answer(UnsubscribeService.Action.SHOW_FORM, "product-news", token))
                .isEqualTo(new UnsubscribeService.Answer.Form("product-news", token));
        assertThat(service.answer(UnsubscribeService.Action.SHOW_FORM, "onboarding", token))
                .isInstanceOf(UnsubscribeService.Answer.InvalidToken.class);
        assertThat(preferences.optOuts).isEmpty();
    }

    @Test
    void one_click_answers_unsubscribed_for_a_valid_token_and_invalid_for_another_program() {
        String token = tokens.token("user-1006", "product-news");

        assertThat(service.answer(UnsubscribeService.Action.UNSUBSCRIBE, "onboarding", token))
                .isInstanceOf(UnsubscribeService.Answer.InvalidToken.class);
        assertThat(preferences.optOuts).isEmpty();
        assertThat(service.answer(UnsubscribeService.Action.UNSUBSCRIBE, "product-news", token))
                .isEqualTo(new UnsubscribeService.Answer.Unsubscribed("product-news"));
        assertThat(preferences.optOuts.get("user-1006")).containsExactly("email:product-news");
    }

    @Test
    void a_program_parameter_that_is_not_a_program_name_is_never_logged_as_given() {
        String forged = "news\r\nINFO one-click unsubscribe from admin: UNSUBSCRIBED";

        assertThat(UnsubscribeService.loggable(forged)).doesNotContain("\r", "\n", "admin");
        assertThat(UnsubscribeService.loggable(null)).isEqualTo("(malformed program)");
        assertThat(UnsubscribeService.loggable("product-news")).isEqualTo("product-news");
    }

    /** Opt-outs by user, in order, each entry once (as the DynamoDB condition keeps them). */
    static final class Preferences implements MailPreferences {
        final Map<String, List<String>> optOuts = new HashMap<>();
        final Map<String, String> addresses = new HashMap<>();
        final Map<String, UserProfile.EmailStatus> statuses = new HashMap<>();

        @Override
        public boolean optOutOfEmail(String userId, String program) {
            List<String> entries = optOuts.computeIfAbsent(userId, u -> new ArrayList<>());
            if (entries.contains("email:" + program)) {
                return false;
            }
            return entries.add("email:" + program);
        }

        @Override
        public boolean markEmail(String userId, String address, UserProfile.EmailStatus status) {
            if (!address.equals(addresses.get(userId))) {
                return false;
            }
            statuses.put(userId, status);
            return true;
        }
    }
}
