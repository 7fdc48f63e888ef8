package dev.hearken.autoreply.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment's brand reaches auto-reply through the environment variables the CDK stack sets. */
class AutoReplyConfigTest {

    private static AutoReplyConfig config(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AutoReplyConfig.class)
                // Quarkus' converter reads the mapping's "120s"-style defaults, as in the function.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.rest-client.google-oauth.url",
                        "https://oauth2.googleapis.com"), "test", 100))
                .build();
        return config.getConfigMapping(AutoReplyConfig.class);
    }

    @Test
    void article_links_per_language_are_read_from_one_environment_variable_each() {
        AutoReplyConfig config = config(Map.of(
                "HEARKEN_AUTO_REPLY_APP_NAME", "Acme Notes",
                "HEARKEN_AUTO_REPLY_ARTICLE_LINK", "https://help.acme.test",
                "HEARKEN_AUTO_REPLY_ARTICLE_LINKS_DE", "https://hilfe.acme.test",
                "HEARKEN_AUTO_REPLY_ARTICLE_LINKS_PT", "https://ajuda.acme.test"));

        assertThat(config.appName()).isEqualTo("Acme Notes");
        assertThat(config.articleLink()).isEqualTo("https://help.acme.test");
        assertThat(config.articleLinks()).containsOnly(
                Map.entry("de", "https://hilfe.acme.test"), Map.entry("pt", "https://ajuda.acme.test"));
    }

    @Test
    void without_configuration_there_is_one_placeholder_link_and_no_language_of_its_own() {
        AutoReplyConfig config = config(Map.of());

        assertThat(config.appName()).isEqualTo("Hearken");
        assertThat(config.articleLink()).isEqualTo("https://help.example.com");
        assertThat(config.articleLinks()).isEmpty();
    }
}
