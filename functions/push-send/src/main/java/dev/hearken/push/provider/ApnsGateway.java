package dev.hearken.push.provider;

import dev.hearken.integrations.apns.ApnsClient;
import dev.hearken.integrations.apns.ApnsPayload;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderErrors;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.PushGateway;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link PushGateway} for iOS over the shared {@link ApnsClient} (HTTP/2): a notification becomes an alert push
 * (apns.md §2–3) valid for a day, APNs' answer is classified by {@link ProviderErrors#apns}, and a send that got
 * no answer is retried after {@code defaultRetry}.
 */
public final class ApnsGateway implements PushGateway {

    private final ApnsClient client;
    private final Duration defaultRetry;
    private final Clock clock;

    public ApnsGateway(ApnsClient client, Duration defaultRetry, Clock clock) {
        this.client = client;
        this.defaultRetry = defaultRetry;
        this.clock = clock;
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        return ProviderCall.send("apns", defaultRetry, () -> client.send(push(device, notification)),
                r -> r.sent() ? new ProviderOutcome.Sent(r.apnsId())
                        : ProviderErrors.apns(r.status(), r.reason(), r.retryAfter().orElse(null), defaultRetry));
    }

    private ApnsClient.Push push(Device device, Notification n) {
        boolean urgent = n.priority() == Priority.TRANSACTIONAL;
        ApnsPayload aps = new ApnsPayload(
                new ApnsPayload.Alert(n.copy().title().isEmpty() ? null : n.copy().title(), n.copy().body()),
                "default", n.data().getOrDefault("program", "hearken"));
        return new ApnsClient.Push(device.token(), "alert", urgent ? 10 : 5,
                clock.instant().plus(Duration.ofDays(1)).getEpochSecond(), n.collapseId(), aps.withCustomKeys(n.data()));
    }
}
