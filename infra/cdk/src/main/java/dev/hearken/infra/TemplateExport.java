package dev.hearken.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Synthesises the app during the Maven build (phase {@code process-classes}) and copies the stack's
 * template to {@code target/classes/dev/hearken/infra/hearken.template.json}, so it ships in this
 * module's jar and other modules load it with
 * {@code getResource("/dev/hearken/infra/hearken.template.json")}.
 *
 * <p>Arguments ({@code --key=value}): {@code root} (repository root), {@code outdir} (cloud assembly
 * directory), {@code template} (where to copy the template), {@code native} ({@code hearken:native}).
 * Code is always the placeholder: the packaged template must not depend on whether, or in which
 * order, the functions were built; tools find each function's zip through its
 * {@code hearken:artifact} metadata instead.
 */
public final class TemplateExport {

    /** The classpath resource other modules load. */
    public static final String RESOURCE = "/dev/hearken/infra/hearken.template.json";

    private TemplateExport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path template = Path.of(require(options, "template"));
        Map<String, Object> context = new HashMap<>();
        context.put(HearkenSettings.ROOT, require(options, "root"));
        context.put(HearkenSettings.PLACEHOLDER_CODE, true);
        context.put(HearkenSettings.NATIVE, Boolean.parseBoolean(options.getOrDefault("native", "false")));

        App app = new App(AppProps.builder()
                .outdir(require(options, "outdir"))
                .context(context)
                .build());
        HearkenStack stack = HearkenApp.define(app);
        CloudAssembly assembly = app.synth();
        Path synthesised = Path.of(assembly.getStackArtifact(stack.getArtifactId()).getTemplateFullPath());

        Files.createDirectories(template.getParent());
        Files.copy(synthesised, template, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --key=value, got: " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return value;
    }
}
