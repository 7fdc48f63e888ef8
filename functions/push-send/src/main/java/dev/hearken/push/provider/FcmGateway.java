package dev.hearken.push.provider;

import dev.hearken.integrations.fcm.FcmClient;
import dev.hearken.integrations.fcm.FcmMessage;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderErrors;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.PushGateway;
import java.time.Duration;

/**
 * {@link PushGateway} for Android over the shared {@link FcmClient}: a notification becomes an FCM message
 * (fcm.md §3), FCM's answer is classified by {@link ProviderErrors#fcm}, and a send that got no answer (or no
 * access token) is retried after {@code defaultRetry}.
 */
public final class FcmGateway implements PushGateway {

    private final FcmClient client;
    private final Duration defaultRetry;

    public FcmGateway(FcmClient client, Duration defaultRetry) {
        this.client = client;
        this.defaultRetry = defaultRetry;
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        return ProviderCall.send("fcm", defaultRetry, () -> client.send(message(device, notification)),
                r -> r.sent() ? new ProviderOutcome.Sent(r.name())
                        : ProviderErrors.fcm(r.status(), r.errorCode(), r.rpcStatus(), r.retryAfter().orElse(null), defaultRetry));
    }

    private static FcmMessage message(Device device, Notification n) {
        return new FcmMessage(device.token(),
                new FcmMessage.Notification(n.copy().title().isEmpty() ? null : n.copy().title(), n.copy().body()),
                n.data(),
                new FcmMessage.Android(n.priority() == Priority.TRANSACTIONAL ? "HIGH" : "NORMAL", n.collapseId(), "86400s"),
                new FcmMessage.Options(label(n.label())));
    }

    /** FCM allows {@code [a-zA-Z0-9-_.~%]{1,50}}. */
    private static String label(String label) {
        String clean = label.replaceAll("[^a-zA-Z0-9\\-_.~%]", "_");
        return clean.length() > 50 ? clean.substring(0, 50) : clean;
    }
}
