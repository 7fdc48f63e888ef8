package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of experiment assignment. */
@ConfigMapping(prefix = "hearken.experiments")
public interface ExperimentSettings {

    /** How long a warm function serves its in-memory catalogue before re-reading it. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** Minimum time between catalogue re-reads triggered by a request for an unknown key. */
    @WithDefault("5s")
    Duration missRefreshInterval();

    /** How long an exposure record is kept (DynamoDB TTL); longer than any experiment runs. */
    @WithDefault("400d")
    Duration exposureRetention();
}
