package dev.hearken.push.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The push queue and its DLQ. In AWS the CDK stack sets the URLs ({@code HEARKEN_QUEUES_PUSH},
 * {@code HEARKEN_QUEUES_PUSH_DLQ}); without them the URL is looked up by name.
 */
@ConfigMapping(prefix = "hearken.queues")
public interface PushQueues {

    /** URL of the push queue. */
    Optional<String> push();

    /** URL of the push queue's DLQ. */
    Optional<String> pushDlq();

    /** Name of the push queue, used when no URL is configured. */
    @WithDefault("hearken-push")
    String pushName();

    /** Name of the DLQ, used when no URL is configured. */
    @WithDefault("hearken-push-dlq")
    String pushDlqName();
}
