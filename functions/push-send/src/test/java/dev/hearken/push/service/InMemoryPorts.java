package dev.hearken.push.service;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.domain.Delivery;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.DeliveryLog;
import dev.hearken.push.port.FrequencyCaps;
import dev.hearken.push.port.LongDeferrals;
import dev.hearken.push.port.PushGateway;
import dev.hearken.push.port.PushQueue;
import dev.hearken.push.port.SendLedger;
import dev.hearken.push.port.TemplateCatalogue;
import dev.hearken.push.port.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * In-memory doubles of every push-send port, for service tests that run in milliseconds. What a message's
 * concurrent calls touch (devices, ledger, deliveries, pushed tokens) is thread-safe; {@link #onCall} sees
 * every call as it starts, so a test can hold calls that must overlap.
 */
final class InMemoryPorts implements UserDirectory, FrequencyCaps, SendLedger, DeliveryLog, TemplateCatalogue,
        PushGateway, PushQueue, LongDeferrals {

    final Map<String, UserProfile> profiles = new HashMap<>();
    final List<Device> devices = new CopyOnWriteArrayList<>();
    final Map<String, Long> counters = new HashMap<>();
    final Set<String> capTaken = ConcurrentHashMap.newKeySet();
    final Map<String, Set<String>> sent = new ConcurrentHashMap<>();
    final Set<String> finished = ConcurrentHashMap.newKeySet();
    final Map<String, Instant> leases = new ConcurrentHashMap<>();
    /** Called with the port method's name ({@code begin}, {@code profile}, {@code markSent}, ...) as it starts. */
    Consumer<String> onCall = call -> { };
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final Map<String, Template> templates = new HashMap<>();
    final List<String> pushedTokens = new CopyOnWriteArrayList<>();
    final List<Map.Entry<PushMessage, Duration>> deferred = new ArrayList<>();
    /** Schedules by (idempotency key, minute), as Scheduler names them: a repeated one is not added. */
    final Map<String, PushMessage> scheduled = new LinkedHashMap<>();
    /** Set to make {@link #deferUntil} fail, as a throttled or unavailable Scheduler does. */
    RuntimeException schedulerFailure;
    final Map<PushMessage, String> deadLettered = new LinkedHashMap<>();
    Function<Device, ProviderOutcome> provider = d -> new ProviderOutcome.Sent("id-" + d.token());

    @Override
    public Optional<UserProfile> profile(String userId) {
        onCall.accept("profile");
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public List<Device> devices(String userId) {
        onCall.accept("devices");
        return devices.stream().filter(d -> d.userId().equals(userId)).toList();
    }

    @Override
    public void removeDevice(Device device) {
        onCall.accept("removeDevice");
        devices.remove(device);
    }

    @Override
    public synchronized CapWindow take(String userId, Priority priority, List<CapWindow> windows, CapLimits limits) {
        onCall.accept("take");
        for (CapWindow w : windows) {
            if (!limits.allows(priority, w.kind(), counters.getOrDefault(userId + w.key(), 0L))) {
                return w;
            }
        }
        windows.forEach(w -> counters.merge(userId + w.key(), 1L, Long::sum));
        return null;
    }

    @Override
    public Claim begin(String key, Instant now, Duration lease) {
        onCall.accept("begin");
        if (finished.contains(key)) {
            return new Claim(null, Refusal.FINISHED);
        }
        Instant until = leases.get(key);
        if (until != null && until.isAfter(now)) {
            return new Claim(null, Refusal.BUSY);
        }
        leases.put(key, now.plus(lease));
        return new Claim(new Entry(key, Set.copyOf(sent.getOrDefault(key, Set.of())), capTaken.contains(key)), null);
    }

    @Override
    public void markCapTaken(String key) {
        onCall.accept("markCapTaken");
        capTaken.add(key);
    }

    @Override
    public void markSent(String key, String token) {
        onCall.accept("markSent");
        sent.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(token);
    }

    @Override
    public void finish(String key, String outcome) {
        onCall.accept("finish");
        finished.add(key);
        leases.remove(key);
    }

    @Override
    public void release(String key) {
        onCall.accept("release");
        leases.remove(key);
    }

    @Override
    public void record(Delivery delivery) {
        onCall.accept("record");
        deliveries.add(delivery);
    }

    @Override
    public Optional<Template> find(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        ProviderOutcome outcome = provider.apply(device);
        if (outcome instanceof ProviderOutcome.Sent) {
            pushedTokens.add(device.token());
        }
        return outcome;
    }

    @Override
    public void defer(PushMessage message, Duration delay) {
        deferred.add(Map.entry(message, delay));
    }

    @Override
    public void deferUntil(PushMessage message, Instant at) {
        if (schedulerFailure != null) {
            throw schedulerFailure;
        }
        scheduled.putIfAbsent(message.idempotencyKey() + "@" + at, message);
    }

    @Override
    public void deadLetter(PushMessage message, String reason) {
        deadLettered.put(message, reason);
    }

    @Override
    public int sendBatch(List<PushMessage> messages) {
        throw new UnsupportedOperationException();
    }
}
