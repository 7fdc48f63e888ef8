package dev.hearken.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.infra.HearkenSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Template;

/**
 * The placeholder-code rule: a function deploys its built zip when there is one, and the placeholder
 * when there is none or when the context asks for it. The asset hash in the template tells them apart.
 */
class FunctionCodeTest {

    @TempDir
    static Path repository;

    @BeforeAll
    static void aRepositoryWithOneBuiltFunctionAndTheRealPlaceholder() throws IOException {
        Path zip = repository.resolve("functions/built/target/function.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("bootstrap"));
            entries.write("#!/bin/sh\n".getBytes());
            entries.closeEntry();
        }
        Path placeholder = repository.resolve("infra/cdk/placeholder-code/PLACEHOLDER.md");
        Files.createDirectories(placeholder.getParent());
        Files.copy(Path.of("placeholder-code/PLACEHOLDER.md"), placeholder);
    }

    @Test
    void a_built_zip_is_deployed_instead_of_the_placeholder() {
        assertThat(codeKey("built", false)).isNotEqualTo(codeKey("unbuilt", false));
    }

    @Test
    void a_missing_zip_falls_back_to_the_placeholder() {
        assertThat(codeKey("unbuilt", false)).isEqualTo(codeKey("built", true));
    }

    @Test
    void placeholder_context_wins_over_a_built_zip() {
        assertThat(codeKey("built", true)).isEqualTo(codeKey("other-unbuilt", false));
    }

    private static String codeKey(String function, boolean placeholderCode) {
        App app = new App(AppProps.builder().context(Map.of(
                HearkenSettings.ROOT, repository.toString(),
                HearkenSettings.PLACEHOLDER_CODE, placeholderCode)).build());
        Stack stack = new Stack(app, "CodeStack");
        new HearkenFunction(stack, "Fn", HearkenFunctionProps.builder(function).export("go").build());
        Capture key = new Capture();
        Template.fromStack(stack).hasResourceProperties("AWS::Lambda::Function",
                Map.of("Code", Map.of("S3Key", key)));
        return key.asString();
    }
}
