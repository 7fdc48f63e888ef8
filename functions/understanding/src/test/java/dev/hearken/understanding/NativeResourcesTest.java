package dev.hearken.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.understanding.language.NgramLanguageDetector;
import dev.hearken.understanding.language.SupportedLanguages;
import dev.hearken.understanding.model.ModelBundle;
import dev.hearken.understanding.rules.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A native image holds only the resources its configuration names: every resource this library loads must match
 * a pattern of {@code META-INF/native-image/.../resource-config.json}, or the native build would run without it.
 */
class NativeResourcesTest {

    private static final String CONFIG = "/META-INF/native-image/dev.hearken/hearken-understanding/resource-config.json";

    @Test
    void every_resource_the_library_loads_is_registered_for_native_image() throws IOException {
        List<Pattern> registered = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            Matcher m = Pattern.compile("\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                registered.add(Pattern.compile(m.group(1).replace("\\\\", "\\")));
            }
        }
        List<String> loaded = new ArrayList<>(List.of(
                NgramLanguageDetector.RESOURCE.substring(1),
                ModelBundle.RESOURCE.substring(1),
                Lexicon.RESOURCE.substring(1)));
        for (String language : SupportedLanguages.REQUIRED) {
            String resource = Lexicon.LANGUAGE_RESOURCES.substring(1) + language + ".tsv";
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
            loaded.add(resource);
        }

        for (String resource : loaded) {
            assertThat(registered).as(resource).anyMatch(p -> p.matcher(resource).matches());
        }
    }
}
