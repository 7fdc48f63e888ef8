package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.Delivery;
import dev.hearken.push.domain.DeliveryOutcome;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.EmailCopy;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail channel of {@link PushService} and its program counters, with in-memory ports. */
class PushServiceEmailTest {

    /** 12:00 in Madrid, 06:00 in Chicago (quiet until 08:00). */
    private static final Instant NOON = Instant.parse("2026-03-20T11:00:00Z");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final List<Email> mailed = new ArrayList<>();
    private final Map<String, Long> counters = new HashMap<>();
    private Function<Email, ProviderOutcome> ses = e -> new ProviderOutcome.Sent("ses-" + e.to());
    private PushService service;

    @BeforeEach
    void setUp() {
        ports.profiles.put("lucia", new UserProfile("lucia", "es-ES", ZoneId.of("Europe/Madrid"), Set.of("promotions"),
                QuietHours.DEFAULT, "lucia@example.org", UserProfile.EmailStatus.OK, Map.of()));
        ports.devices.add(new Device("lucia", "tok-lucia", Platform.ANDROID));
        ports.profiles.put("noah", new UserProfile("noah", "en-US", ZoneId.of("America/Chicago"), Set.of(),
                QuietHours.DEFAULT, "noah@example.org", UserProfile.EmailStatus.OK, Map.of()));
        Map<String, Map<String, EmailCopy>> mails = new HashMap<>();
        mails.put("en", Map.of("default", new EmailCopy("Hello {name}", "Hi {name}. Unsubscribe: {unsubscribeUrl}",
                "<p>Hi {name}</p>")));
        mails.put("es", Map.of("default", new EmailCopy("Hola {name}", "Hola {name}.", null)));
        ports.templates.put("t", new Template("t", null, Template.copies("en", "default", "Hello {name}", "Body"), mails));
        service = service(NOON);
    }

    private PushService service(Instant now) {
        EmailChannel mail = new EmailChannel(email -> {
            ProviderOutcome outcome = ses.apply(email);
            if (outcome instanceof ProviderOutcome.Sent) {
                mailed.add(email);
            }
            return outcome;
        }, (user, program) -> "https://u.example/unsubscribe?program=" + program + "&token=sealed-" + user.length());
        PushPorts withMail = PushPorts.pushOnly(ports, ports, ports, ports, ports, null,
                        Map.of(Platform.ANDROID, ports, Platform.IOS, ports), ports)
                .withMail(mail)
                .withCounters((program, day, add) -> {
                    assertThat(day).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
                    add.forEach((k, v) -> counters.merge(program + ":" + k, v, Long::sum));
                });
        return new PushService(withMail, new PushPolicy(new CapLimits(3, 2, 10, 5), Duration.ofSeconds(900),
                Duration.ofSeconds(60)), Clock.fixed(now, ZoneOffset.UTC), Runnable::run);
    }

    private static PushMessage message(String user, String key, ChannelPreference channel, Priority priority) {
        return new PushMessage(user, "onboarding", priority, "t", Map.of("name", "<b>Ana</b>"), channel, null, key);
    }

    private List<String> records(String key) {
        return ports.deliveries.stream().filter(d -> d.idempotencyKey().equals(key))
                .map(d -> d.outcome().wireName() + " " + d.channel() + (d.reason() == null ? "" : " " + d.reason()))
                .toList();
    }

    @Test
    void an_email_message_sends_only_the_localised_mail_even_to_a_user_with_a_device() {
        SendResult result = service.process(message("lucia", "e1", ChannelPreference.EMAIL, Priority.LIFECYCLE));

        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.pushedTokens).isEmpty();
        assertThat(mailed).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("lucia@example.org");
            assertThat(mail.copy().subject()).isEqualTo("Hola <b>Ana</b>");
            assertThat(mail.locale()).isEqualTo("es");
            assertThat(mail.unsubscribeUrl()).isEqualTo("https://u.example/unsubscribe?program=onboarding&token=sealed-5")
                    .doesNotContain("lucia@");
        });
        assertThat(records("e1")).containsExactly("sent email");
        assertThat(ports.deliveries).extracting(Delivery::locale).containsExactly("es");
        assertThat(ports.sent.get("e1")).containsExactly(EmailChannel.LEDGER_TOKEN);
        assertThat(counters).containsOnly(Map.entry("onboarding:sends", 1L), Map.entry("onboarding:deliveries", 1L),
                Map.entry("onboarding:email_deliveries", 1L));
    }

    @Test
    void a_user_who_turned_push_off_gets_push_then_email_as_email_and_a_push_only_message_not_at_all() {
        ports.profiles.put("lucia", new UserProfile("lucia", "es-ES", ZoneId.of("Europe/Madrid"),
                Set.of(UserProfile.NO_PUSH), QuietHours.DEFAULT, "lucia@example.org", UserProfile.EmailStatus.OK, Map.of()));

        SendResult either = service.process(message("lucia", "off1", ChannelPreference.PUSH_THEN_EMAIL, Priority.TRANSACTIONAL));
        SendResult pushOnly = service.process(message("lucia", "off2", ChannelPreference.PUSH, Priority.TRANSACTIONAL));

        assertThat(either).isEqualTo(new SendResult.Finished("sent"));
        assertThat(mailed).extracting(Email::to).containsExactly("lucia@example.org");
        assertThat(pushOnly).isEqualTo(new SendResult.Finished("opted-out"));
        assertThat(records("off2")).containsExactly("opted-out null push-opted-out");
        assertThat(ports.pushedTokens).isEmpty();
    }

    @Test
    void the_html_part_gets_escaped_data_and_the_text_part_the_unsubscribe_link() {
        service.process(message("noah", "e2", ChannelPreference.EMAIL, Priority.TRANSACTIONAL));

        assertThat(mailed).singleElement().satisfies(mail -> {
            assertThat(mail.copy().html()).isEqualTo("<p>Hi &lt;b&gt;Ana&lt;/b&gt;</p>");
            assertThat(mail.copy().text()).isEqualTo("Hi <b>Ana</b>. Unsubscribe: https://u.example/unsubscribe?program=onboarding&token=sealed-4");
        });
    }

    @Test
    void a_redelivered_or_retried_email_message_never_sends_a_second_mail() {
        ses = e -> new ProviderOutcome.Retry("ses:Throttling", Duration.ofSeconds(60));
        SendResult throttled = service.process(message("noah", "e3", ChannelPreference.EMAIL, Priority.LIFECYCLE));
        ses = e -> new ProviderOutcome.Sent("ok");
        SendResult retried = service.process(message("noah", "e3", ChannelPreference.EMAIL, Priority.LIFECYCLE));
        SendResult redelivered = service.process(message("noah", "e3", ChannelPreference.EMAIL, Priority.LIFECYCLE));

        assertThat(throttled).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(60), "ses:Throttling"));
        assertThat(retried).isEqualTo(new SendResult.Finished("sent"));
        assertThat(redelivered).isInstanceOf(SendResult.Duplicate.class);
        assertThat(mailed).hasSize(1);
        assertThat(records("e3")).containsExactly("failed email retry:ses:Throttling", "sent email");
        assertThat(ports.counters.get("noahd#2026-03-20")).isEqualTo(1L); // the retry did not count twice
    }

    @Test
    void a_mail_that_went_out_before_a_crash_is_not_sent_again() {
        // an earlier attempt sent the mail and stopped before finishing the key: the lease ran out
        ports.markSent("e4", EmailChannel.LEDGER_TOKEN);

        SendResult result = service.process(message("noah", "e4", ChannelPreference.EMAIL, Priority.LIFECYCLE));

        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(mailed).isEmpty();
    }

    @Test
    void push_then_email_pushes_a_user_with_a_device_and_mails_a_user_without_one() {
        SendResult lucia = service.process(message("lucia", "p1", ChannelPreference.PUSH_THEN_EMAIL, Priority.LIFECYCLE));
        SendResult noah = service.process(message("noah", "p2", ChannelPreference.PUSH_THEN_EMAIL, Priority.TRANSACTIONAL));

        assertThat(lucia).isEqualTo(new SendResult.Finished("sent"));
        assertThat(noah).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.pushedTokens).containsExactly("tok-lucia");
        assertThat(mailed).extracting(Email::to).containsExactly("noah@example.org");
    }

    @Test
    void push_then_email_falls_back_to_email_when_every_token_is_dead_and_counts_one_cap_slot() {
        ports.provider = d -> new ProviderOutcome.DeadToken("fcm:UNREGISTERED");

        SendResult result = service.process(message("lucia", "p3", ChannelPreference.PUSH_THEN_EMAIL, Priority.LIFECYCLE));

        assertThat(result).isEqualTo(new SendResult.Finished("sent"));
        assertThat(ports.devices).isEmpty();
        assertThat(mailed).extracting(Email::to).containsExactly("lucia@example.org");
        assertThat(records("p3")).containsExactly("failed fcm dead-token:fcm:UNREGISTERED", "sent email");
        assertThat(ports.counters.get("luciad#2026-03-20")).isEqualTo(1L);
        assertThat(counters).containsEntry("onboarding:sends", 1L).containsEntry("onboarding:deliveries", 1L);
    }

    @Test
    void push_then_email_does_not_mail_when_a_push_was_only_retryable() {
        ports.provider = d -> new ProviderOutcome.Retry("fcm:UNAVAILABLE", Duration.ofSeconds(30));

        SendResult result = service.process(message("lucia", "p4", ChannelPreference.PUSH_THEN_EMAIL, Priority.LIFECYCLE));

        assertThat(result).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(30), "fcm:UNAVAILABLE"));
        assertThat(mailed).isEmpty();
    }

    @Test
    void a_bounced_or_complained_address_is_recorded_failed_and_takes_no_cap_slot() {
        ports.profiles.put("bo", new UserProfile("bo", "en", ZoneId.of("UTC"), Set.of(), QuietHours.DEFAULT,
                "bo@example.org", UserProfile.EmailStatus.BOUNCED, Map.of()));
        ports.profiles.put("cy", new UserProfile("cy", "en", ZoneId.of("UTC"), Set.of(), QuietHours.DEFAULT,
                "cy@example.org", UserProfile.EmailStatus.COMPLAINED, Map.of()));
        ports.profiles.put("di", new UserProfile("di", "en", ZoneId.of("UTC"), Set.of(), QuietHours.DEFAULT,
                null, UserProfile.EmailStatus.OK, Map.of()));

        SendResult bounced = service.process(message("bo", "s1", ChannelPreference.EMAIL, Priority.LIFECYCLE));
        SendResult complained = service.process(message("cy", "s2", ChannelPreference.PUSH_THEN_EMAIL, Priority.LIFECYCLE));
        SendResult noAddress = service.process(message("di", "s3", ChannelPreference.EMAIL, Priority.TRANSACTIONAL));

        assertThat(List.of(bounced, complained, noAddress)).containsOnly(new SendResult.Finished("failed"));
        assertThat(records("s1")).containsExactly("failed email email-bounced");
        assertThat(records("s2")).containsExactly("failed email email-complained");
        assertThat(records("s3")).containsExactly("failed email no-email");
        assertThat(mailed).isEmpty();
        assertThat(ports.counters).isEmpty();
        assertThat(counters).containsOnly(Map.entry("onboarding:failed", 3L));
    }

    @Test
    void an_email_opt_out_stops_mail_from_the_program_but_not_its_push() {
        ports.profiles.put("lucia", new UserProfile("lucia", "es", ZoneId.of("Europe/Madrid"), Set.of("email:onboarding"),
                QuietHours.DEFAULT, "lucia@example.org", UserProfile.EmailStatus.OK, Map.of()));

        SendResult mail = service.process(message("lucia", "o1", ChannelPreference.EMAIL, Priority.LIFECYCLE));
        SendResult push = service.process(message("lucia", "o2", ChannelPreference.PUSH, Priority.LIFECYCLE));

        assertThat(mail).isEqualTo(new SendResult.Finished("opted-out"));
        assertThat(records("o1")).containsExactly("opted-out email email-opted-out");
        assertThat(push).isEqualTo(new SendResult.Finished("sent"));
        assertThat(mailed).isEmpty();
    }

    @Test
    void a_message_ses_rejects_goes_to_the_dlq_with_the_reason() {
        ses = e -> new ProviderOutcome.Rejected("ses:MessageRejected");

        SendResult result = service.process(message("noah", "r1", ChannelPreference.EMAIL, Priority.LIFECYCLE));

        assertThat(result).isEqualTo(new SendResult.DeadLettered("ses:MessageRejected"));
        assertThat(ports.deadLettered.values()).containsExactly("ses:MessageRejected");
        assertThat(records("r1")).containsExactly("failed email ses:MessageRejected");
    }

    @Test
    void a_template_without_email_copy_is_dead_lettered() {
        ports.templates.put("push-only", new Template("push-only", null, Template.copies("en", "default", "T", "B")));
        PushMessage message = new PushMessage("noah", "onboarding", Priority.LIFECYCLE, "push-only", Map.of(),
                ChannelPreference.EMAIL, null, "n1");

        assertThat(service.process(message)).isEqualTo(new SendResult.DeadLettered("no-email-template:push-only"));
    }

    @Test
    void email_ignores_quiet_hours_but_push_then_email_waits_for_the_morning() {
        // 06:00 in Chicago: inside noah's quiet hours (22:00-08:00)
        SendResult mail = service.process(message("noah", "q1", ChannelPreference.EMAIL, Priority.PROMOTIONAL));
        SendResult either = service.process(message("noah", "q2", ChannelPreference.PUSH_THEN_EMAIL, Priority.PROMOTIONAL));

        assertThat(mail).isEqualTo(new SendResult.Finished("sent"));
        assertThat(either).isInstanceOf(SendResult.Deferred.class);
        assertThat(counters).containsEntry("onboarding:sends", 1L).containsEntry("onboarding:deferred", 1L);
    }

    @Test
    void email_counts_in_the_same_caps_as_push() {
        service.process(new PushMessage("lucia", "sale", Priority.PROMOTIONAL, "t", Map.of(), ChannelPreference.PUSH, null, "c1"));
        service.process(new PushMessage("lucia", "sale", Priority.PROMOTIONAL, "t", Map.of(), ChannelPreference.EMAIL, null, "c2"));

        SendResult third = service.process(new PushMessage("lucia", "sale", Priority.PROMOTIONAL, "t", Map.of(),
                ChannelPreference.EMAIL, null, "c3"));

        assertThat(third).isEqualTo(new SendResult.Finished("capped"));
        assertThat(mailed).hasSize(1);
        assertThat(counters).containsEntry("sale:sends", 2L).containsEntry("sale:capped", 1L);
    }
}
