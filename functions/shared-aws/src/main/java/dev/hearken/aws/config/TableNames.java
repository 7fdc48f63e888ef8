package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Physical names of the DynamoDB tables. In AWS the CDK stack sets them through environment
 * variables ({@code HEARKEN_TABLES_EXPERIMENTS}, …); the defaults are the names the stack gives
 * them with the default prefix, which is also what the local and test environments create.
 */
@ConfigMapping(prefix = "hearken.tables")
public interface TableNames {

    /** Experiment definitions, one item per experiment key. */
    @WithDefault("hearken-experiments")
    String experiments();

    /** First exposures, one item per (experiment key, user id). */
    @WithDefault("hearken-exposures")
    String exposures();
}
