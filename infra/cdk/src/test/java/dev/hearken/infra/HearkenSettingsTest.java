package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.infra.HearkenSettings.Channel;
import dev.hearken.infra.HearkenSettings.Environment;
import dev.hearken.infra.HearkenSettings.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every deployment setting is validated at synth, and an error names its key. No synth needed here. */
class HearkenSettingsTest {

    private static HearkenSettings settings(Map<String, Object> context) {
        return HearkenSettings.of(Templates.app(context));
    }

    private static HearkenSettings production(Map<String, Object> more) {
        Map<String, Object> context = new HashMap<>(more);
        context.put(HearkenSettings.ENVIRONMENT, "production");
        context.putIfAbsent(HearkenSettings.ZENDESK_SUBDOMAIN, "acme");
        return settings(context);
    }

    @Test
    void without_any_key_the_stack_is_local_with_every_channel_and_store_and_placeholder_brand() {
        HearkenSettings settings = settings(Map.of());

        assertThat(settings.environment()).isEqualTo(Environment.LOCAL);
        assertThat(settings.zendeskBaseUrl()).isEmpty();
        assertThat(settings.appName()).isEqualTo("Hearken");
        assertThat(settings.mailSenderName()).isEqualTo("Hearken");
        assertThat(settings.helpLinks()).containsExactly(Map.entry("default", "https://help.example.com"));
        assertThat(settings.alarmEmail()).isEmpty();
        assertThat(settings.channels()).containsExactlyInAnyOrder(Channel.PUSH, Channel.EMAIL);
        assertThat(settings.stores()).containsExactlyInAnyOrder(Store.APP_STORE, Store.GOOGLE_PLAY, Store.APPFOLLOW);
    }

    @Test
    void a_real_deployment_without_the_zendesk_subdomain_fails_naming_the_key_and_the_way_out() {
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.ENVIRONMENT, "production")))
                .hasMessageContaining("hearken:zendeskSubdomain is required when hearken:environment is production")
                .hasMessageContaining("-c hearken:environment=local");
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.ENVIRONMENT, "staging", HearkenSettings.ZENDESK_SUBDOMAIN, " ")))
                .hasMessageContaining("hearken:zendeskSubdomain is required");
    }

    @Test
    void a_real_deployment_with_the_zendesk_subdomain_calls_that_account() {
        assertThat(production(Map.of(HearkenSettings.ZENDESK_SUBDOMAIN, "Acme-Support")).zendeskBaseUrl())
                .contains("https://acme-support.zendesk.com");
    }

    @Test
    void an_unknown_environment_is_refused_with_the_allowed_ones() {
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.ENVIRONMENT, "prod")))
                .hasMessageContaining("hearken:environment must be one of [local, staging, production]");
    }

    @Test
    void a_zendesk_host_or_url_instead_of_the_subdomain_is_refused() {
        for (String wrong : List.of("acme.zendesk.com", "https://acme.zendesk.com", "-acme", "ac me")) {
            assertThatThrownBy(() -> settings(Map.of(HearkenSettings.ZENDESK_SUBDOMAIN, wrong)))
                    .as(wrong).hasMessageContaining("hearken:zendeskSubdomain must be the account's subdomain only");
        }
    }

    @Test
    void an_app_name_that_replies_would_alter_or_cut_is_refused() {
        for (String wrong : List.of("<b>Acme</b>", "Acme™", "x".repeat(41))) {
            assertThatThrownBy(() -> settings(Map.of(HearkenSettings.APP_NAME, wrong)))
                    .as(wrong).hasMessageContaining("hearken:appName must be 1-40");
        }
        assertThat(settings(Map.of(HearkenSettings.APP_NAME, "Acme Notes")).appName()).isEqualTo("Acme Notes");
    }

    @Test
    void help_links_come_per_language_from_a_cdk_json_object_or_a_command_line_list_over_the_default() {
        assertThat(settings(Map.of(HearkenSettings.HELP_LINKS,
                Map.of("de", "https://hilfe.acme.test", "default", "https://help.acme.test"))).helpLinks())
                .containsOnly(Map.entry("de", "https://hilfe.acme.test"), Map.entry("default", "https://help.acme.test"));
        assertThat(settings(Map.of(HearkenSettings.HELP_LINKS, "es=https://ayuda.acme.test, pt=https://ajuda.acme.test"))
                .helpLinks()).containsOnly(Map.entry("default", "https://help.example.com"),
                        Map.entry("es", "https://ayuda.acme.test"), Map.entry("pt", "https://ajuda.acme.test"));
    }

    @Test
    void a_help_link_that_is_not_https_or_a_language_key_that_is_not_iso_639_is_refused() {
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.HELP_LINKS, Map.of("de", "http://hilfe.acme.test"))))
                .hasMessageContaining("hearken:helpLinks link of \"de\" must be an https URL");
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.HELP_LINKS, Map.of("pt-BR", "https://ajuda.acme.test"))))
                .hasMessageContaining("hearken:helpLinks keys must be \"default\" or a lower-case ISO 639 language code");
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.HELP_LINKS, "https://help.acme.test")))
                .hasMessageContaining("hearken:helpLinks must be a JSON object");
    }

    @Test
    void a_sender_name_that_could_break_the_from_header_is_refused() {
        for (String wrong : List.of("Acme\r\nBcc: x@evil.test", "\"Acme\"", "Acme <x@evil.test>")) {
            assertThatThrownBy(() -> settings(Map.of(HearkenSettings.MAIL_SENDER_NAME, wrong)))
                    .as(wrong).hasMessageContaining("hearken:mailSenderName must be 1-64 characters");
        }
        assertThat(settings(Map.of(HearkenSettings.APP_NAME, "Acme")).mailSenderName()).isEqualTo("Acme");
    }

    @Test
    void an_alarm_email_that_is_not_an_address_is_refused() {
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.ALARM_EMAIL, "oncall")))
                .hasMessageContaining("hearken:alarmEmail must be an e-mail address");
        assertThat(settings(Map.of(HearkenSettings.ALARM_EMAIL, "On.Call+hearken@Acme.example")).alarmEmail())
                .contains("On.Call+hearken@Acme.example");
    }

    @Test
    void channels_and_stores_are_lists_of_known_names_from_cdk_json_or_the_command_line() {
        assertThat(settings(Map.of(HearkenSettings.CHANNELS, List.of("email"))).channels()).containsExactly(Channel.EMAIL);
        assertThat(settings(Map.of(HearkenSettings.STORES, "google_play, appfollow")).stores())
                .containsExactlyInAnyOrder(Store.GOOGLE_PLAY, Store.APPFOLLOW);
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.CHANNELS, "push,sms")))
                .hasMessageContaining("hearken:channels must be one of [push, email], got: sms");
        assertThatThrownBy(() -> settings(Map.of(HearkenSettings.STORES, List.of("appstore"))))
                .hasMessageContaining("hearken:stores must be one of [app_store, google_play, appfollow], got: appstore");
    }
}
