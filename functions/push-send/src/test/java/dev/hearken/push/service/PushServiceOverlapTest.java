package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.QuietHours;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.ProgramCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which of a message's DynamoDB calls {@link PushService} makes at the same time, and what still comes
 * first. Calls that must overlap wait for each other at a barrier: made one after the other, the first
 * would wait in vain and the message would fail.
 */
class PushServiceOverlapTest {

    private static final Instant NOON = Instant.parse("2026-03-20T15:00:00Z");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private Map<String, CyclicBarrier> together = Map.of();
    private PushService service;

    @BeforeEach
    void setUp() {
        ports.profiles.put("ana", new UserProfile("ana", "pt-BR", ZoneId.of("America/Sao_Paulo"), Set.of(),
                QuietHours.DEFAULT, null, Map.of()));
        ports.devices.add(new Device("ana", "tok-android", Platform.ANDROID));
        ports.templates.put("t", new Template("t", null, Template.copies("en", "default", "Hello {name}", "Body")));
        ports.onCall = this::called;
        ProgramCounters counters = (program, day, add) -> called("counters");
        service = new PushService(
                PushPorts.pushOnly(ports, ports, ports, ports, ports, null, Map.of(Platform.ANDROID, ports), ports)
                        .withCounters(counters),
                new PushPolicy(new CapLimits(3, 2, 10, 5), Duration.ofSeconds(900), Duration.ofSeconds(60)),
                Clock.fixed(NOON, ZoneOffset.UTC), threads);
    }

    @AfterEach
    void tearDown() {
        threads.close();
    }

    private void called(String call) {
        calls.add(call);
        CyclicBarrier barrier = together.get(call);
        if (barrier != null) {
            try {
                barrier.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(call + " waited in vain for the calls it should overlap", e);
            }
        }
    }

    /** Every call named in a group waits until all of its group have started. */
    private static Map<String, CyclicBarrier> overlapping(List<List<String>> groups) {
        Map<String, CyclicBarrier> out = new HashMap<>();
        groups.forEach(group -> {
            CyclicBarrier barrier = new CyclicBarrier(group.size());
            group.forEach(call -> out.put(call, barrier));
        });
        return out;
    }

    private static PushMessage message(String key) {
        return new PushMessage("ana", "onboarding", Priority.LIFECYCLE, "t", Map.of("name", "Ana"), ChannelPreference.PUSH,
                null, key);
    }

    @Test
    void a_lifecycle_push_makes_its_independent_calls_at_the_same_time() {
        // given calls that can only go on once their partners have started
        together = overlapping(List.of(
                List.of("begin", "profile", "devices"),
                List.of("markCapTaken", "send"),
                List.of("markSent", "record"),
                List.of("finish", "counters")));
        ports.provider = device -> {
            called("send");
            return new ProviderOutcome.Sent("ok");
        };

        // when
        SendResult result = service.process(message("o1"));

        // then the message went, and everything was written once
        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.pushedTokens).containsExactly("tok-android");
        assertThat(ports.capTaken).containsExactly("o1");
        assertThat(ports.sent.get("o1")).containsExactly("tok-android");
        assertThat(ports.finished).containsExactly("o1");
        assertThat(ports.deliveries).hasSize(1);
        assertThat(calls).containsExactlyInAnyOrder("begin", "profile", "devices", "take", "markCapTaken", "send",
                "markSent", "record", "finish", "counters");
        // and the cap was taken before the send, the delivery recorded before the ledger finished
        assertThat(calls.indexOf("take")).isLessThan(calls.indexOf("send"));
        assertThat(calls.indexOf("record")).isLessThan(calls.indexOf("finish"));
    }

    @Test
    void the_cap_mark_lands_before_a_retry_gives_the_lease_back_and_the_retry_does_not_ask_the_caps_again() {
        // given a slow cap mark and a provider that asks for a retry
        AtomicBoolean markedAtRelease = new AtomicBoolean();
        ports.onCall = call -> {
            called(call);
            if (call.equals("markCapTaken")) {
                sleep(200);
            } else if (call.equals("release")) {
                markedAtRelease.set(ports.capTaken.contains("r1"));
            }
        };
        ports.provider = device -> new ProviderOutcome.Retry("fcm:429", Duration.ofSeconds(30));

        // when the message is tried, and tried again once the provider accepts it
        SendResult first = service.process(message("r1"));
        calls.clear();
        ports.provider = device -> new ProviderOutcome.Sent("ok");
        SendResult second = service.process(message("r1"));

        // then the lease was given back only after the mark, and the retry was not counted again
        assertThat(first).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(30), "fcm:429"));
        assertThat(markedAtRelease).isTrue();
        assertThat(second).isEqualTo(new SendResult.Finished("sent"));
        assertThat(calls).doesNotContain("take", "markCapTaken");
        assertThat(ports.counters.get("anad#2026-03-20")).isEqualTo(1L);
    }

    @Test
    void a_delivery_record_that_cannot_be_written_fails_the_attempt_before_the_ledger_finishes_the_message() {
        // given a delivery log that is down
        ports.onCall = call -> {
            called(call);
            if (call.equals("record")) {
                throw new IllegalStateException("deliveries unavailable");
            }
        };

        // when / then the attempt fails, with the device marked (a retry skips it) and the lease given back
        assertThatThrownBy(() -> service.process(message("f1")))
                .isInstanceOf(IllegalStateException.class).hasMessage("deliveries unavailable");
        assertThat(ports.sent.get("f1")).containsExactly("tok-android");
        assertThat(ports.finished).doesNotContain("f1");
        assertThat(ports.leases).doesNotContainKey("f1");
        assertThat(ports.capTaken).containsExactly("f1");
    }

    @Test
    void a_duplicate_waits_for_the_reads_it_started_and_writes_nothing() {
        // given a finished message and slow reads
        service.process(message("d1"));
        calls.clear();
        AtomicBoolean profileDone = new AtomicBoolean();
        ports.onCall = call -> {
            called(call);
            if (call.equals("profile")) {
                sleep(200);
                profileDone.set(true);
            }
        };

        // when it comes again
        SendResult again = service.process(message("d1"));

        // then it is a duplicate, returned only once its reads were done, with no write
        assertThat(again).isInstanceOf(SendResult.Duplicate.class);
        assertThat(profileDone).isTrue();
        assertThat(calls).containsExactlyInAnyOrder("begin", "profile", "devices");
        assertThat(ports.pushedTokens).containsExactly("tok-android");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
