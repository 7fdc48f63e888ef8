package dev.hearken.push.provider;

import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.port.PushGateway;
import java.util.concurrent.Semaphore;

/**
 * At most {@code maxConcurrent} sends of one provider in flight per function instance; the others wait.
 *
 * <p>Over HTTP/2 (FCM and APNs on {@code https}) the JDK's {@code HttpClient} uses one connection per
 * host and <em>fails</em> a request beyond the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS} with
 * {@code IOException("too many concurrent streams")} instead of queueing it (JDK 21–25,
 * {@code Http2Connection.reserveStream}) — which would fail the record for a 60-second retry. RFC 9113
 * §6.5.2 recommends servers allow at least 100 streams, hence the default of
 * {@code hearken.push.max-concurrent-sends}. Over HTTP/1.1 (the fakes) it bounds the connections opened.
 */
public final class BoundedGateway implements PushGateway {

    private final PushGateway gateway;
    private final Semaphore permits;

    public BoundedGateway(PushGateway gateway, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        this.gateway = gateway;
        this.permits = new Semaphore(maxConcurrent);
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        permits.acquireUninterruptibly();
        try {
            return gateway.send(device, notification);
        } finally {
            permits.release();
        }
    }
}
