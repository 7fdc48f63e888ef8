package dev.hearken.push.bench;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.domain.Delivery;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.QuietHours;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.DeliveryLog;
import dev.hearken.push.port.FrequencyCaps;
import dev.hearken.push.port.ProgramCounters;
import dev.hearken.push.port.SendLedger;
import dev.hearken.push.port.TemplateCatalogue;
import dev.hearken.push.port.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's DynamoDB ports as DynamoDB behaves for one instance: every call takes {@code latency},
 * calls do not slow each other down. For the benchmark's "what would the worker do against real DynamoDB"
 * run, where dynalite (one Node.js thread on the same two cores) is the bound. It makes the same calls per
 * message as the DynamoDB adapters (10 for a lifecycle push to one device, the program counters included;
 * the template is cached, as {@code DynamoDbTemplateCatalogue} does), each taking its time on the thread
 * that makes it, as the SDK's blocking client does — so what {@code PushService} runs at the same time
 * overlaps here too — and keeps only what the benchmark needs.
 */
final class SimulatedDynamo implements UserDirectory, FrequencyCaps, SendLedger, DeliveryLog, TemplateCatalogue,
        ProgramCounters {

    private final Duration latency;
    private final Template template;
    private final Map<String, Set<String>> sent = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    SimulatedDynamo(Duration latency, Template template) {
        this.latency = latency;
        this.template = template;
    }

    long calls() {
        return calls.get();
    }

    private void call() {
        calls.incrementAndGet();
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<UserProfile> profile(String userId) {
        call();
        return Optional.of(new UserProfile(userId, "en", ZoneOffset.UTC, Set.of(), QuietHours.parse("00:00-00:00"), null,
                Map.of()));
    }

    @Override
    public List<Device> devices(String userId) {
        call();
        return List.of(new Device(userId, "tok-" + userId, Platform.ANDROID));
    }

    @Override
    public void removeDevice(Device device) {
        call();
    }

    @Override
    public CapWindow take(String userId, Priority priority, List<CapWindow> windows, CapLimits limits) {
        windows.forEach(w -> call()); // one conditional update per window, one after the other
        return null;
    }

    @Override
    public Claim begin(String key, Instant now, Duration lease) {
        call();
        return new Claim(new Entry(key, Set.copyOf(sent.getOrDefault(key, Set.of())), false), null);
    }

    @Override
    public void markCapTaken(String key) {
        call();
    }

    @Override
    public void markSent(String key, String token) {
        call();
        sent.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(token);
    }

    @Override
    public void finish(String key, String outcome) {
        call();
    }

    @Override
    public void release(String key) {
        call();
    }

    @Override
    public void record(Delivery delivery) {
        call();
    }

    @Override
    public void add(String program, LocalDate day, Map<String, Long> counters) {
        call();
    }

    @Override
    public Optional<Template> find(String templateId) {
        return Optional.of(template);
    }
}
