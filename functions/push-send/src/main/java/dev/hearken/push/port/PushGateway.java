package dev.hearken.push.port;

import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderOutcome;

/** Sends one notification to one device through its platform's provider (FCM or APNs). */
public interface PushGateway {

    /** Never throws for provider answers; transport failures are {@link ProviderOutcome.Retry}. */
    ProviderOutcome send(Device device, Notification notification);
}
