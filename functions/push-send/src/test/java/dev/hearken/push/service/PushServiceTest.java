package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.DeliveryOutcome;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Hop;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.QuietHours;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushServiceTest {

    /** 15:00 in São Paulo: outside quiet hours. */
    private static final Instant NOON = Instant.parse("2026-03-20T18:00:00Z");

    private final InMemoryPorts ports = new InMemoryPorts();
    private PushService service;

    @BeforeEach
    void setUp() {
        ports.profiles.put("ana", new UserProfile("ana", "pt-BR", ZoneId.of("America/Sao_Paulo"), Set.of("promotions"),
                QuietHours.DEFAULT, null, Map.of()));
        ports.devices.add(new Device("ana", "tok-android", Platform.ANDROID));
        ports.devices.add(new Device("ana", "tok-ios", Platform.IOS));
        ports.templates.put("t", new Template("t", null, Template.copies(
                "en", "default", "Hello {name}", "Body", "pt", "default", "Olá {name}", "Corpo")));
        service = service(NOON, Runnable::run);
    }

    private PushService service(Instant now, Executor deviceSends) {
        return new PushService(ports(), POLICY, Clock.fixed(now, ZoneOffset.UTC), deviceSends);
    }

    private static final PushPolicy POLICY =
            new PushPolicy(new CapLimits(3, 2, 10, 5), Duration.ofSeconds(900), Duration.ofSeconds(60));

    private PushPorts ports() {
        return PushPorts.pushOnly(ports, ports, ports, ports, ports, null,
                Map.of(Platform.ANDROID, ports, Platform.IOS, ports), ports);
    }

    private static PushMessage message(String key, Priority priority, String program) {
        return new PushMessage("ana", program, priority, "t", Map.of("name", "Ana"), ChannelPreference.PUSH, null, key);
    }

    @Test
    void a_message_goes_to_every_device_once_and_a_redelivery_is_a_duplicate() {
        SendResult first = service.process(message("k1", Priority.LIFECYCLE, "onboarding"));
        SendResult again = service.process(message("k1", Priority.LIFECYCLE, "onboarding"));

        assertThat(first).isEqualTo(new SendResult.Finished("sent"));
        assertThat(again).isInstanceOf(SendResult.Duplicate.class);
        assertThat(ports.pushedTokens).containsExactly("tok-android", "tok-ios");
        assertThat(ports.deliveries).extracting(d -> d.locale()).containsOnly("pt");
    }

    @Test
    void after_two_promotions_a_third_is_capped_but_a_lifecycle_message_still_goes_and_transactional_always() {
        service.process(message("p1", Priority.PROMOTIONAL, "sale"));
        service.process(message("p2", Priority.PROMOTIONAL, "sale"));

        SendResult promo = service.process(message("p3", Priority.PROMOTIONAL, "sale"));
        SendResult lifecycle = service.process(message("l1", Priority.LIFECYCLE, "onboarding"));
        SendResult lifecycle2 = service.process(message("l2", Priority.LIFECYCLE, "onboarding"));
        SendResult transactional = service.process(message("t1", Priority.TRANSACTIONAL, "support"));

        assertThat(promo).isEqualTo(new SendResult.Finished("capped"));
        assertThat(lifecycle).isEqualTo(new SendResult.Finished("sent"));
        assertThat(lifecycle2).isEqualTo(new SendResult.Finished("capped"));
        assertThat(transactional).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.deliveries).filteredOn(d -> d.outcome() == DeliveryOutcome.CAPPED)
                .extracting(d -> d.reason()).containsOnly("cap:d#2026-03-20");
    }

    @Test
    void an_opted_out_program_is_recorded_and_not_sent() {
        SendResult result = service.process(message("o1", Priority.PROMOTIONAL, "promotions"));

        assertThat(result).isEqualTo(new SendResult.Finished("opted-out"));
        assertThat(ports.pushedTokens).isEmpty();
    }

    @Test
    void a_dead_token_is_removed_and_the_other_device_still_gets_the_message() {
        ports.provider = d -> d.platform() == Platform.IOS ? new ProviderOutcome.DeadToken("apns:410:Unregistered")
                : new ProviderOutcome.Sent("ok");

        SendResult result = service.process(message("d1", Priority.LIFECYCLE, "onboarding"));

        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.devices).extracting(Device::token).containsExactly("tok-android");
    }

    @Test
    void a_retryable_error_asks_for_a_retry_and_the_retry_skips_the_device_that_already_got_it() {
        ports.provider = d -> d.platform() == Platform.IOS ? new ProviderOutcome.Retry("apns:429:TooManyRequests",
                Duration.ofSeconds(30)) : new ProviderOutcome.Sent("ok");

        SendResult first = service.process(message("r1", Priority.LIFECYCLE, "onboarding"));
        ports.provider = d -> new ProviderOutcome.Sent("ok");
        SendResult second = service.process(message("r1", Priority.LIFECYCLE, "onboarding"));

        assertThat(first).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(30), "apns:429:TooManyRequests"));
        assertThat(second).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.pushedTokens).containsExactly("tok-android", "tok-ios");
        assertThat(ports.counters.get("anad#2026-03-20")).isEqualTo(1L); // the retry did not count twice
    }

    @Test
    void the_devices_of_a_message_are_sent_at_the_same_time_and_each_answer_is_handled_for_its_token() {
        // given a provider that answers only once both devices' sends are in flight
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        ports.provider = d -> {
            await(bothInFlight);
            return d.platform() == Platform.IOS ? new ProviderOutcome.DeadToken("apns:410:Unregistered")
                    : new ProviderOutcome.Sent("ok");
        };

        // when the devices are sent on virtual threads
        SendResult result;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            result = service(NOON, threads).process(message("c1", Priority.LIFECYCLE, "onboarding"));
        }

        // then the sent one is in the ledger, the dead one removed, and each has its delivery record
        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.sent.get("c1")).containsExactly("tok-android");
        assertThat(ports.devices).extracting(Device::token).containsExactly("tok-android");
        assertThat(ports.deliveries).extracting(d -> d.outcome() + " " + d.channel() + " " + d.reason())
                .containsExactlyInAnyOrder("SENT fcm null", "FAILED apns dead-token:apns:410:Unregistered");
    }

    @Test
    void a_device_send_that_throws_fails_the_message_after_the_other_device_was_sent_and_marked() {
        ports.provider = d -> {
            if (d.platform() == Platform.IOS) {
                throw new IllegalStateException("ledger unavailable");
            }
            return new ProviderOutcome.Sent("ok");
        };

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            PushService concurrent = service(NOON, threads);
            assertThatThrownBy(() -> concurrent.process(message("x1", Priority.LIFECYCLE, "onboarding")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("ledger unavailable");
        }

        assertThat(ports.sent.get("x1")).containsExactly("tok-android"); // a retry skips it
        assertThat(ports.leases).doesNotContainKey("x1"); // released for the retry
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other device's send never started", e);
        }
    }

    @Test
    void an_invalid_argument_goes_to_the_dlq_with_its_reason() {
        ports.provider = d -> new ProviderOutcome.Rejected("fcm:INVALID_ARGUMENT");

        SendResult result = service.process(message("i1", Priority.LIFECYCLE, "onboarding"));

        assertThat(result).isEqualTo(new SendResult.DeadLettered("fcm:INVALID_ARGUMENT"));
        assertThat(ports.deadLettered.values()).containsExactly("fcm:INVALID_ARGUMENT");
    }

    @Test
    void in_quiet_hours_a_lifecycle_message_is_re_enqueued_with_a_delay_and_recorded_as_deferred() {
        PushService night = service(Instant.parse("2026-03-20T02:00:00Z"), Runnable::run);

        SendResult result = night.process(message("q1", Priority.LIFECYCLE, "onboarding"));
        SendResult redelivered = night.process(message("q1", Priority.LIFECYCLE, "onboarding"));

        assertThat(result).isInstanceOf(SendResult.Deferred.class);
        assertThat(((SendResult.Deferred) result).hop()).isEqualTo(new Hop.Delay(Duration.ofSeconds(900)));
        assertThat(redelivered).isInstanceOf(SendResult.Deferred.class); // released, not finished: never dropped
        assertThat(ports.deferred).hasSize(2);
        assertThat(ports.pushedTokens).isEmpty();
    }

    @Test
    void with_schedules_a_night_of_quiet_hours_is_one_schedule_and_a_redelivery_adds_none() {
        // 23:00 in São Paulo: quiet until 08:00 local = 11:00 UTC
        PushService night = scheduling(Instant.parse("2026-03-20T02:00:00Z"));

        SendResult result = night.process(message("q2", Priority.PROMOTIONAL, "seasonal"));
        SendResult redelivered = night.process(message("q2", Priority.PROMOTIONAL, "seasonal"));

        assertThat(result).isEqualTo(new SendResult.Deferred(Instant.parse("2026-03-20T11:00:00Z"),
                new Hop.Scheduled(Instant.parse("2026-03-20T11:00:00Z")), "quiet-hours"));
        assertThat(redelivered).isEqualTo(result);
        assertThat(ports.scheduled).containsOnlyKeys("q2@2026-03-20T11:00:00Z");
        assertThat(ports.deferred).isEmpty();
        assertThat(ports.deliveries).extracting(d -> d.outcome().wireName() + " " + d.reason())
                .containsExactly("deferred quiet-hours", "deferred quiet-hours");
        assertThat(ports.pushedTokens).isEmpty();
    }

    @Test
    void with_schedules_a_wait_shorter_than_15_minutes_is_still_an_sqs_delay() {
        PushService almostMorning = scheduling(Instant.parse("2026-03-20T10:50:00Z")); // 07:50 in São Paulo

        SendResult result = almostMorning.process(message("q3", Priority.LIFECYCLE, "onboarding"));

        assertThat(((SendResult.Deferred) result).hop()).isEqualTo(new Hop.Delay(Duration.ofMinutes(10)));
        assertThat(ports.deferred).extracting(Map.Entry::getValue).containsExactly(Duration.ofMinutes(10));
        assertThat(ports.scheduled).isEmpty();
    }

    @Test
    void when_the_schedule_cannot_be_created_the_message_takes_a_15_minute_sqs_hop_instead_and_is_not_lost() {
        PushService night = scheduling(Instant.parse("2026-03-20T02:00:00Z"));
        ports.schedulerFailure = new IllegalStateException("Rate exceeded");

        SendResult result = night.process(message("q4", Priority.LIFECYCLE, "onboarding"));

        assertThat(((SendResult.Deferred) result).hop()).isEqualTo(new Hop.Delay(Duration.ofSeconds(900)));
        assertThat(ports.deferred).extracting(e -> e.getKey().idempotencyKey()).containsExactly("q4");
        assertThat(ports.scheduled).isEmpty();
        // released, not finished: the hop comes back and is decided again
        assertThat(ports.finished).doesNotContain("q4");
    }

    private PushService scheduling(Instant now) {
        return new PushService(ports().withLongDeferrals(ports), POLICY, Clock.fixed(now, ZoneOffset.UTC), Runnable::run);
    }

    @Test
    void an_unknown_user_or_template_is_a_failure_that_is_not_retried() {
        PushMessage stranger = new PushMessage("nobody", "onboarding", Priority.LIFECYCLE, "t", Map.of(),
                ChannelPreference.PUSH, null, "u1");
        PushMessage noCopy = new PushMessage("ana", "onboarding", Priority.LIFECYCLE, "missing", Map.of(),
                ChannelPreference.PUSH, null, "u2");

        assertThat(service.process(stranger)).isEqualTo(new SendResult.Finished("failed"));
        assertThat(service.process(noCopy)).isEqualTo(new SendResult.DeadLettered("no-template:missing"));
    }
}
