package dev.hearken.push.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final UnsubscribeTokens tokens = new UnsubscribeTokens("https://hearken.example/mail/unsubscribe",
            id -> {
                reads.incrementAndGet();
                return JsonNodeFactory.instance.objectNode()
                        .put("unsubscribeKey", Base64.getEncoder().encodeToString(new byte[32]));
            }, "hearken/push-mail");

    @Test
    void a_link_names_the_program_and_an_opaque_token_that_opens_to_the_user_id() {
        String link = tokens.link("user-1001", "onboarding");

        assertThat(link).startsWith("https://hearken.example/mail/unsubscribe?program=onboarding&token=")
                .doesNotContain("user-1001");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.userId(token, "onboarding")).contains("user-1001");
    }

    @Test
    void a_token_moved_to_another_program_or_tampered_with_opens_to_nothing() {
        String token = tokens.token("user-1001", "onboarding");
        // A middle character: the last one of unpadded base64 may carry only unused bits.
        int middle = token.length() / 2;
        char c = token.charAt(middle);
        String tampered = token.substring(0, middle) + (c == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        assertThat(tokens.userId(token, "promotions")).isEmpty();
        assertThat(tokens.userId(tampered, "onboarding")).isEmpty();
        assertThat(tokens.userId("not base64 !", "onboarding")).isEmpty();
    }

    @Test
    void the_key_is_read_once_and_two_links_for_one_user_differ() {
        assertThat(tokens.token("u", "p")).isNotEqualTo(tokens.token("u", "p"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_recipient_tag_is_an_ses_tag_value_that_opens_to_the_user_id_and_never_as_an_unsubscribe_token() {
        String tag = tokens.recipientTag("user-1001").orElseThrow();

        assertThat(tag).matches("[A-Za-z0-9_-]{1,256}").doesNotContain("user-1001");
        assertThat(tokens.userIdOfTag(tag)).contains("user-1001");
        assertThat(tokens.userId(tag, "onboarding")).isEmpty();
        assertThat(tokens.userIdOfTag(tokens.token("user-1001", "onboarding"))).isEmpty();
    }

    @Test
    void a_user_id_too_long_for_an_ses_tag_gets_no_tag() {
        assertThat(tokens.recipientTag("u".repeat(160))).isPresent();
        assertThat(tokens.recipientTag("u".repeat(200))).isEmpty();
    }
}
