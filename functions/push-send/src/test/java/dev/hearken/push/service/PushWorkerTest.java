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
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.Redelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushWorkerTest {

    private static final Instant NOON = Instant.parse("2026-03-20T15:00:00Z");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final List<Duration> redelivered = new ArrayList<>();
    private boolean bound;
    /** The port as the SQS adapter answers: a copy arranged, or — past the bound — expired. */
    private final Redelivery redelivery = after -> {
        redelivered.add(after);
        return new Redelivery.Later(bound, bound ? 96 : 1, NOON.minus(Duration.ofHours(bound ? 7 : 0)));
    };
    private PushWorker worker;

    @BeforeEach
    void setUp() {
        ports.profiles.put("ana", new UserProfile("ana", "pt-BR", ZoneId.of("America/Sao_Paulo"), Set.of(),
                QuietHours.DEFAULT, null, Map.of()));
        ports.devices.add(new Device("ana", "tok-android", Platform.ANDROID));
        ports.templates.put("t", new Template("t", null, Template.copies("en", "default", "Hello {name}", "Body")));
        PushService push = new PushService(
                PushPorts.pushOnly(ports, ports, ports, ports, ports, null, Map.of(Platform.ANDROID, ports), ports),
                new PushPolicy(new CapLimits(3, 2, 10, 5), Duration.ofSeconds(900), Duration.ofSeconds(60)),
                Clock.fixed(NOON, ZoneOffset.UTC), Runnable::run);
        worker = new PushWorker(push);
    }

    @Test
    void a_sent_message_completes_its_record() {
        SendResult result = worker.handle("rec-1", redelivery, () -> message("k1"));

        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(redelivered).isEmpty();
    }

    @Test
    void a_provider_retry_waits_for_the_retry_after_as_a_delayed_copy_and_the_record_succeeds() {
        ports.provider = d -> new ProviderOutcome.Retry("fcm:429:QUOTA_EXCEEDED", Duration.ofSeconds(120));

        SendResult result = worker.handle("rec-1", redelivery, () -> message("k1"));

        assertThat(result).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(120), "fcm:429:QUOTA_EXCEEDED"));
        assertThat(redelivered).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void a_message_that_waited_past_the_bound_is_dropped_recorded_expired_and_never_sent_later() {
        ports.provider = d -> new ProviderOutcome.Retry("fcm:429:QUOTA_EXCEEDED", Duration.ofSeconds(120));
        bound = true;

        SendResult result = worker.handle("rec-1", redelivery, () -> message("k1"));

        assertThat(result).isEqualTo(new SendResult.Finished("expired"));
        assertThat(ports.deliveries).extracting(d -> d.outcome().wireName() + " " + d.reason())
                .containsExactly("failed retry:fcm:429:QUOTA_EXCEEDED", "expired waited-too-long:fcm:429:QUOTA_EXCEEDED");
        // a later copy of the same message is a duplicate: nothing is pushed
        ports.provider = d -> new ProviderOutcome.Sent("p-1");
        assertThat(worker.handle("rec-2", redelivery, () -> message("k1"))).isEqualTo(new SendResult.Duplicate());
        assertThat(ports.pushedTokens).isEmpty();
    }

    @Test
    void a_message_another_worker_holds_fails_the_record_without_changing_its_visibility() {
        ports.leases.put("k1", NOON.plusSeconds(60));

        assertThatThrownBy(() -> worker.handle("rec-1", redelivery, () -> message("k1")))
                .isInstanceOf(PushWorker.RetryLaterException.class)
                .hasMessageContaining("busy");
        assertThat(redelivered).isEmpty();
    }

    @Test
    void a_malformed_body_fails_the_record_as_it_was_refused() {
        InvalidPushMessageException malformed = new InvalidPushMessageException("body", "is not valid JSON");

        assertThatThrownBy(() -> worker.handle("rec-1", redelivery, () -> { throw malformed; })).isSameAs(malformed);
        assertThat(ports.pushedTokens).isEmpty();
    }

    private static PushMessage message(String key) {
        return new PushMessage("ana", "onboarding", Priority.TRANSACTIONAL, "t", Map.of("name", "Ana"),
                ChannelPreference.PUSH, null, key);
    }
}
