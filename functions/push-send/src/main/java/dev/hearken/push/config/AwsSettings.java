package dev.hearken.push.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Endpoint and region for AWS clients that have no Quarkiverse extension here (Secrets Manager).
 * Unset in AWS; the test harness and the local runtime point them at the emulator.
 */
@ConfigMapping(prefix = "hearken.aws")
public interface AwsSettings {

    /** Endpoint URL of an emulator; when set, static test credentials are used unless AWS_ACCESS_KEY_ID is set. */
    Optional<String> endpointOverride();

    /** Region; the SDK's default region chain when unset. */
    Optional<String> region();
}
