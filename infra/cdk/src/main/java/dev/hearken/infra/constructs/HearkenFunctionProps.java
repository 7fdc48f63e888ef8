package dev.hearken.infra.constructs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What differs between Hearken's functions; everything else is decided once in {@link HearkenFunction}.
 *
 * @param name         kebab-case function name ({@code experiment-assign}); the physical name is {@code <prefix>-<name>}
 * @param module       Maven module, relative to the repository root, whose {@code target/function.zip} is deployed
 * @param export       the {@code @Funq} method this function runs ({@code QUARKUS_FUNQY_EXPORT}); one artifact can back several functions
 * @param memoryMb     memory size; it also buys CPU, which the JVM build needs for a tolerable cold start
 * @param timeout      invocation timeout; a queue consuming this function sizes its visibility timeout from it
 * @param architecture must match a native build's target; JVM zips run on either
 * @param environment  extra environment variables (table and queue names are added by their grants)
 * @param logRetention how long CloudWatch keeps the function's logs
 * @param nativeImage  {@code true}/{@code false} to force the native/JVM build; {@code null} follows the {@code hearken:native} context
 */
public record HearkenFunctionProps(
        String name,
        String module,
        String export,
        int memoryMb,
        Duration timeout,
        Architecture architecture,
        Map<String, String> environment,
        RetentionDays logRetention,
        Boolean nativeImage) {

    public HearkenFunctionProps {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(logRetention, "logRetention");
        environment = Map.copyOf(environment);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("function name must be kebab-case: " + name);
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memoryMb must be within Lambda's 128..10240: " + memoryMb);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout must be within Lambda's 1 s..15 min: " + timeout);
        }
    }

    /** Starts props for the function {@code name}, built from module {@code functions/<name>}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Defaults: module {@code functions/<name>}, 512 MB, 10 s, x86_64, one month of logs, native from context. */
    public static final class Builder {
        private final String name;
        private String module;
        private String export;
        private int memoryMb = 512;
        private Duration timeout = Duration.ofSeconds(10);
        // x86_64 because native images built here (and in the usual container builds) target it.
        private Architecture architecture = Architecture.X86_64;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private Boolean nativeImage;

        private Builder(String name) {
            this.name = name;
            this.module = "functions/" + name;
        }

        public Builder module(String module) {
            this.module = module;
            return this;
        }

        public Builder export(String export) {
            this.export = export;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder environment(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder nativeImage(Boolean nativeImage) {
            this.nativeImage = nativeImage;
            return this;
        }

        public HearkenFunctionProps build() {
            return new HearkenFunctionProps(name, module, export, memoryMb, timeout, architecture,
                    environment, logRetention, nativeImage);
        }
    }
}
