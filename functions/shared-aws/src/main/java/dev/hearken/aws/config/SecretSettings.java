package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How secrets are read: shared by every function through {@link dev.hearken.aws.secrets.SecretReader}. */
@ConfigMapping(prefix = "hearken.secrets")
public interface SecretSettings {

    /** How long a warm function keeps a secret before reading it again (bounds how late a rotation is seen). */
    @WithDefault("5m")
    Duration cacheTtl();
}
