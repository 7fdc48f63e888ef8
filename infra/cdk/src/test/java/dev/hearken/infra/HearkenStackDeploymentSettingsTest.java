package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The deployment settings reach the functions that use them, and disabled sources declare nothing. */
class HearkenStackDeploymentSettingsTest {

    private static Template configured;

    private static synchronized Template configured() {
        if (configured == null) {
            configured = Template.fromStack(HearkenApp.define(Templates.app(Map.of(
                    HearkenSettings.ENVIRONMENT, "production",
                    HearkenSettings.ZENDESK_SUBDOMAIN, "acme",
                    HearkenSettings.APP_NAME, "Acme Notes",
                    HearkenSettings.HELP_LINKS, Map.of("default", "https://help.acme.test", "de", "https://hilfe.acme.test"),
                    HearkenSettings.MAIL_SENDER_NAME, "Acme Notes Team"))));
        }
        return configured;
    }

    @Test
    void every_function_that_calls_zendesk_gets_the_accounts_base_url_and_no_other_function_does() {
        for (String function : new String[] {"hearken-ticket-classify", "hearken-auto-reply", "hearken-review-escalate"}) {
            assertThat(environment(configured(), function)).as(function)
                    .containsEntry("HEARKEN_ZENDESK_BASE_URL", "https://acme.zendesk.com");
        }
        assertThat(configured().findResources("AWS::Lambda::Function").values().toString()
                .split("HEARKEN_ZENDESK_BASE_URL", -1)).hasSize(4);
    }

    @Test
    void a_local_stack_sets_no_zendesk_base_url_so_tests_and_make_run_keep_pointing_at_the_fake() {
        assertThat(Templates.hearken().findResources("AWS::Lambda::Function").values().toString())
                .doesNotContain("HEARKEN_ZENDESK_BASE_URL");
    }

    @Test
    void auto_reply_gets_the_brand_the_help_link_of_each_language_and_the_sender_name() {
        assertThat(environment(configured(), "hearken-auto-reply"))
                .containsEntry("HEARKEN_AUTO_REPLY_APP_NAME", "Acme Notes")
                .containsEntry("HEARKEN_AUTO_REPLY_ARTICLE_LINK", "https://help.acme.test")
                .containsEntry("HEARKEN_AUTO_REPLY_ARTICLE_LINKS_DE", "https://hilfe.acme.test")
                .containsEntry("HEARKEN_AUTO_REPLY_MAIL_FROM_NAME", "Acme Notes Team");
        assertThat(environment(configured(), "hearken-push-send")).containsEntry("HEARKEN_MAIL_FROM_NAME", "Acme Notes Team");
    }

    @Test
    void a_default_stack_keeps_the_placeholder_brand_of_local_runs() {
        assertThat(environment(Templates.hearken(), "hearken-auto-reply"))
                .containsEntry("HEARKEN_AUTO_REPLY_APP_NAME", "Hearken")
                .containsEntry("HEARKEN_AUTO_REPLY_ARTICLE_LINK", "https://help.example.com")
                .doesNotContainKey("HEARKEN_AUTO_REPLY_ARTICLE_LINKS_DE");
    }

    @Test
    void disabled_channels_and_stores_declare_no_secret_function_or_route_for_them() {
        Template reduced = Template.fromStack(HearkenApp.define(Templates.app(Map.of(
                HearkenSettings.CHANNELS, "email", HearkenSettings.STORES, "google_play"))));
        String resources = reduced.toJSON().toString();

        assertThat(resources).doesNotContain("hearken/fcm", "hearken/apns", "hearken/appstore", "hearken/appfollow",
                "hearken-review-webhook", "POST /webhooks/appfollow", "HEARKEN_AUTO_REPLY_APP_STORE_SECRET_ID");
        assertThat(resources).contains("hearken/googleplay", "hearken-review-poller", "hearken-mail-unsubscribe",
                "HEARKEN_AUTO_REPLY_GOOGLE_PLAY_SECRET_ID");
        Template noMail = Template.fromStack(HearkenApp.define(Templates.app(Map.of(
                HearkenSettings.CHANNELS, "push", HearkenSettings.STORES, "appfollow"))));
        assertThat(noMail.toJSON().toString()).doesNotContain("hearken-mail-unsubscribe", "hearken-mail-feedback",
                "hearken/push-mail", "hearken-review-poller", "hearken-review-poll").contains("hearken/fcm", "hearken-review-webhook");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Template template, String functionName) {
        String id = Templates.logicalId(template, "AWS::Lambda::Function", "FunctionName", functionName);
        Map<String, Object> function = template.findResources("AWS::Lambda::Function").get(id);
        Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }
}
