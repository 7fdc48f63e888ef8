package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.service.Assignment;
import dev.hearken.push.domain.Delivery;
import dev.hearken.push.domain.DeliveryOutcome;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeliveryRecorderTest {

    private static final Instant AT = Instant.parse("2026-03-20T12:00:00Z");
    private static final PushMessage MESSAGE = new PushMessage("ana", "onboarding", Priority.LIFECYCLE, "day1",
            Map.of(), ChannelPreference.PUSH_THEN_EMAIL, null, "onboarding:ana");

    private final List<Delivery> written = new CopyOnWriteArrayList<>();
    private final DeliveryRecorder recorder = new DeliveryRecorder(written::add, MESSAGE, AT);

    @Test
    void a_decision_is_written_without_a_channel_or_copy_and_returns_the_outcome_name() {
        String outcome = recorder.decision(DeliveryOutcome.CAPPED, "cap:day");

        assertThat(outcome).isEqualTo("capped");
        assertThat(written).containsExactly(new Delivery("onboarding", "lifecycle", "day1", "onboarding:ana", "ana",
                DeliveryOutcome.CAPPED, "cap:day", null, null, null, null, null, AT));
        assertThat(recorder.delivered()).isZero();
    }

    @Test
    void records_after_the_copy_is_chosen_carry_its_locale_and_the_experiments_variation() {
        Assignment assignment = new Assignment("onboarding-copy", true, 1, "short", null, true, "IN_EXPERIMENT", true);

        recorder.copy("pt-BR", "default", assignment);
        recorder.device(DeliveryOutcome.SENT, null, "fcm");

        assertThat(written).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo("fcm");
            assertThat(d.locale()).isEqualTo("pt-BR");
            assertThat(d.experimentKey()).isEqualTo("onboarding-copy");
            assertThat(d.variationId()).isEqualTo(1);
            assertThat(d.variationKey()).isEqualTo("short");
        });
    }

    @Test
    void without_an_experiment_the_variant_of_the_copy_is_recorded() {
        recorder.copy("en", "default", null);
        recorder.device(DeliveryOutcome.SENT, null, "apns");

        assertThat(written).singleElement().satisfies(d -> {
            assertThat(d.variationKey()).isEqualTo("default");
            assertThat(d.experimentKey()).isNull();
            assertThat(d.variationId()).isNull();
        });
    }

    @Test
    void only_accepted_sends_are_counted_and_e_mail_also_on_its_own() {
        recorder.device(DeliveryOutcome.SENT, null, "fcm");
        recorder.device(DeliveryOutcome.FAILED, "dead-token:UNREGISTERED", "fcm");
        recorder.device(DeliveryOutcome.SENT, null, EmailChannel.CHANNEL);

        assertThat(written).hasSize(3);
        assertThat(recorder.delivered()).isEqualTo(2);
        assertThat(recorder.emailed()).isEqualTo(1);
    }

    @Test
    void devices_reporting_at_the_same_time_are_all_counted() throws Exception {
        int devices = 64;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < devices; i++) {
                threads.submit(() -> recorder.device(DeliveryOutcome.SENT, null, "fcm"));
            }
        }

        assertThat(recorder.delivered()).isEqualTo(devices);
        assertThat(written).hasSize(devices);
    }
}
