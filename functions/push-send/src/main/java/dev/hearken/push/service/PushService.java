package dev.hearken.push.service;

import dev.hearken.experiment.service.Assignment;
import dev.hearken.experiment.service.UnknownExperimentException;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.DeliveryOutcome;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Hop;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.Timing;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.LongDeferrals;
import dev.hearken.push.port.SendLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Decides and sends one push message, in this order: idempotency lease → user → opt-out → timing
 * (quiet hours, notBefore: defer) → frequency cap → experiment variant → localised copy → send to each
 * device not yet served (concurrently) → handle each provider answer.
 *
 * <p>DynamoDB calls that do not depend on each other run at the same time, so that a lifecycle push to one
 * device waits for 5 DynamoDB answers in a row instead of 11 (what bounds an instance, see the README):
 * the lease ∥ the profile ∥ the devices; the day window, then the week window (never together, see
 * {@code DynamoDbFrequencyCaps}); the cap mark ∥ composing and sending; per device the ledger mark ∥ its
 * delivery record; the ledger's finish ∥ the program counters. What must come first still does: the cap
 * before any send, a delivery record before the ledger finishes the message (a failed record write fails
 * the attempt, as before), the cap mark before the lease is given up.
 *
 * <p>Trade-offs, stated once:
 * <ul>
 *   <li>A deferred message is never dropped. A wait of up to 15 minutes is an SQS delay; a longer one is a
 *       one-time schedule ({@link LongDeferrals}) at the send time rounded up to the minute, so a night of
 *       quiet hours costs one invocation instead of 32 re-enqueues ({@link Timing#hop}). When the schedule
 *       cannot be created (throttling, an outage, a quota) the message falls back to the 15-minute
 *       re-enqueue chain, logged. A message that comes back is processed like a new one: timing checked
 *       again, then caps and sending.</li>
 *   <li>The cap slot is taken before sending and kept even if every send then fails: a user is never
 *       pushed more than the cap, at the price of an occasional unused slot.</li>
 *   <li>Devices that got the message are remembered in the ledger, so a retry (429/5xx) or a redrive
 *       from the DLQ only sends to the others: a redelivered message never produces a second push.</li>
 *   <li>A provider rejection ({@code INVALID_ARGUMENT}) cannot be fixed by retrying, so the message goes
 *       straight to the DLQ with the reason as an attribute instead of being failed five times.</li>
 *   <li>E-mail ({@link EmailChannel}): {@code email} sends only e-mail, {@code push-then-email} e-mails
 *       a user who has no device or whose every token turned out dead. A message counts once in the
 *       same caps whichever channel carries it (caps limit CRM messages, not channels); e-mail-only
 *       messages ignore quiet hours ({@link Timing}). The ledger marks a sent mail as the pseudo-token
 *       {@code email}, so no retry or redrive sends it twice.</li>
 *   <li>Each processing adds its program-overview counters in one write ({@link ProgramTally}); a failed
 *       counter write is logged and does not fail the message, which is already sent.</li>
 * </ul>
 */
public final class PushService {

    private static final System.Logger LOG = System.getLogger(PushService.class.getName());

    private final PushPorts ports;
    private final PushPolicy policy;
    private final Clock clock;
    private final Concurrently concurrently;

    /**
     * @param concurrent where a message's independent calls run — its device sends, and the DynamoDB calls
     *                   that do not wait for each other: concurrently (virtual threads in the function), or
     *                   one after another ({@code Runnable::run})
     */
    public PushService(PushPorts ports, PushPolicy policy, Clock clock, Executor concurrent) {
        this.ports = ports;
        this.policy = policy;
        this.clock = clock;
        this.concurrently = new Concurrently(concurrent);
    }

    public SendResult process(PushMessage message) {
        Instant now = clock.instant();
        // The reads need no lease, so they run while it is taken; a duplicate or busy copy wastes them.
        Lookup lookup = lookUp(message);
        SendLedger.Claim claim;
        try {
            claim = ports.ledger().begin(message.idempotencyKey(), now, policy.lease());
        } catch (RuntimeException e) {
            lookup.awaitQuietly();
            throw e;
        }
        if (claim.refusal() != null) {
            lookup.awaitQuietly();
            return claim.refusal() == SendLedger.Refusal.FINISHED ? new SendResult.Duplicate() : new SendResult.Busy();
        }
        DeliveryRecorder record = new DeliveryRecorder(ports.deliveries(), message, now);
        // The ledger's capTaken mark in flight, once this attempt took the cap.
        AtomicReference<CompletableFuture<Void>> capMark = new AtomicReference<>(CompletableFuture.completedFuture(null));
        boolean counted = false;
        try {
            SendResult result = decide(message, claim.entry(), now, record, lookup, capMark);
            Concurrently.await(capMark.get()); // before the lease is given up: a retry must not count the message again
            counted = true;
            settle(message, now, result, record);
            return result;
        } catch (RuntimeException e) {
            Concurrently.awaitQuietly(capMark.get());
            ports.ledger().release(message.idempotencyKey());
            throw e;
        } finally {
            lookup.awaitQuietly();
            if (!counted) {
                count(message, now, null, record);
            }
        }
    }

    /**
     * Drops a message that waited longer than the bound for a provider ({@code reason}: the provider's last answer):
     * records its delivery as {@code expired} and finishes its key, so no later copy or redrive sends it. Devices an
     * earlier attempt reached keep their {@code sent} records. A key another worker holds or that is finished is left
     * to that worker ({@link SendResult.Busy}, {@link SendResult.Duplicate}).
     */
    public SendResult expire(PushMessage message, String reason) {
        Instant now = clock.instant();
        SendLedger.Claim claim = ports.ledger().begin(message.idempotencyKey(), now, policy.lease());
        if (claim.refusal() != null) {
            return claim.refusal() == SendLedger.Refusal.FINISHED ? new SendResult.Duplicate() : new SendResult.Busy();
        }
        DeliveryRecorder record = new DeliveryRecorder(ports.deliveries(), message, now);
        try {
            record.decision(DeliveryOutcome.EXPIRED, "waited-too-long:" + reason);
        } catch (RuntimeException e) {
            ports.ledger().release(message.idempotencyKey());
            throw e;
        }
        SendResult result = finished(DeliveryOutcome.EXPIRED.wireName());
        settle(message, now, result, record);
        return result;
    }

    /** The user's profile and, unless the message is e-mail only, devices: both read at once. */
    private Lookup lookUp(PushMessage message) {
        return new Lookup(concurrently.start(() -> ports.users().profile(message.userId())),
                message.channel() == ChannelPreference.EMAIL ? CompletableFuture.completedFuture(List.of())
                        : concurrently.start(() -> ports.users().devices(message.userId())));
    }

    private record Lookup(CompletableFuture<Optional<UserProfile>> profile, CompletableFuture<List<Device>> devices) {

        void awaitQuietly() {
            Concurrently.awaitQuietly(profile);
            Concurrently.awaitQuietly(devices);
        }
    }

    /**
     * The ledger's last write of this attempt — finished, or the lease given back for a deferral or retry —
     * at the same time as the program counters. Should that write fail, the attempt fails and is retried
     * with its counters already added: counters are best effort, the ledger is not.
     */
    private void settle(PushMessage message, Instant now, SendResult result, DeliveryRecorder record) {
        String key = message.idempotencyKey();
        Runnable last = switch (result) {
            case SendResult.Finished f -> () -> ports.ledger().finish(key, f.outcome());
            case SendResult.DeadLettered d -> () -> ports.ledger().finish(key, "dead-lettered");
            case SendResult.Deferred d -> () -> ports.ledger().release(key);
            case SendResult.RetryLater r -> () -> ports.ledger().release(key);
            case SendResult.Duplicate d -> () -> { };
            case SendResult.Busy b -> () -> { };
        };
        concurrently.both(() -> count(message, now, result, record), last);
    }

    /** One program-stats write per processing; best effort, the message's fate is already decided. */
    private void count(PushMessage message, Instant now, SendResult result, DeliveryRecorder record) {
        Map<String, Long> tally = ProgramTally.counters(result, record.delivered(), record.emailed());
        if (tally.isEmpty()) {
            return;
        }
        try {
            ports.counters().add(message.program(), LocalDate.ofInstant(now, ZoneOffset.UTC), tally);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "program counters of {0} not written ({1}): {2}", message.program(),
                    e.getClass().getSimpleName(), tally);
        }
    }

    /** What to do with the message; the ledger's last write is {@link #settle}'s. */
    private SendResult decide(PushMessage message, SendLedger.Entry entry, Instant now, DeliveryRecorder record,
            Lookup lookup, AtomicReference<CompletableFuture<Void>> capMark) {
        Optional<UserProfile> found = Concurrently.await(lookup.profile());
        if (found.isEmpty()) {
            return finished(record.decision(DeliveryOutcome.FAILED, "unknown-user"));
        }
        UserProfile user = found.get();
        if (user.optedOutOf(message.program())) {
            return finished(record.decision(DeliveryOutcome.OPTED_OUT, null));
        }
        Optional<Instant> later = Timing.sendAt(message, user, now);
        if (later.isPresent()) {
            String why = message.notBefore() != null && !message.notBefore().isBefore(later.get())
                    ? "not-before" : "quiet-hours";
            Hop hop = defer(message, now, later.get());
            record.decision(DeliveryOutcome.DEFERRED, why);
            return new SendResult.Deferred(later.get(), hop, why);
        }
        boolean pushAllowed = !user.optedOutOfPushFrom(message.program());
        if (!pushAllowed && message.channel() == ChannelPreference.PUSH) {
            return finished(record.decision(DeliveryOutcome.OPTED_OUT, "push-opted-out"));
        }
        // A user who turned push off has no devices for this message: push-then-email goes to e-mail.
        List<Device> devices = pushAllowed ? Concurrently.await(lookup.devices()) : List.of();
        if (devices.isEmpty() && message.channel() == ChannelPreference.PUSH) {
            return finished(record.decision(DeliveryOutcome.FAILED, "no-device"));
        }
        String noMail = devices.isEmpty() ? mailRefusal(user, message) : null;
        if (noMail != null) { // checked before the cap, so an e-mail that cannot go never takes a slot
            return refuseMail(message, noMail, record);
        }
        if (!entry.capTaken()) { // else counted by an earlier attempt
            CapWindow full = ports.caps().take(user.userId(), message.priority(), CapWindow.at(now, user.timeZone()),
                    policy.caps());
            if (full != null) {
                return finished(record.decision(DeliveryOutcome.CAPPED, "cap:" + full.key()));
            }
            // Marked while the message is composed and sent. A crash before the mark lands counts the retry
            // twice: conservative, the user gets fewer messages, never more.
            capMark.set(concurrently.start(() -> ports.ledger().markCapTaken(message.idempotencyKey())));
        }
        Optional<Template> template = ports.templates().find(message.template());
        Assignment assignment = template.map(t -> assign(t, user, devices)).orElse(null);
        if (devices.isEmpty()) {
            return email(message, entry, user, template, assignment, record);
        }
        Optional<Template.Localised> localised = template.flatMap(t -> t.resolve(user.locale(),
                assignment == null ? null : assignment.variationKey()));
        if (localised.isEmpty()) {
            // No copy in any language is a catalogue bug: retrying will not fix it, an operator must.
            record.decision(DeliveryOutcome.FAILED, "no-template");
            return deadLetter(message, "no-template:" + message.template());
        }
        record.copy(localised.get(), assignment);
        Notification notification = notification(message, localised.get().render(message.data()));
        SendResult pushed = send(message, entry, devices, notification, record);
        return pushed == EVERY_TOKEN_DEAD ? email(message, entry, user, template, assignment, record) : pushed;
    }

    /**
     * Sends {@code message} back to the queue for {@code until} as {@link Timing#hop} decides; a schedule that
     * cannot be created becomes the first 15-minute hop of the SQS chain. Returns the hop taken.
     */
    private Hop defer(PushMessage message, Instant now, Instant until) {
        Hop hop = Timing.hop(now, until, policy.maxDelay(), ports.longDeferrals() != null);
        if (hop instanceof Hop.Scheduled scheduled) {
            try {
                ports.longDeferrals().deferUntil(message, scheduled.at());
                return hop;
            } catch (RuntimeException e) {
                hop = new Hop.Delay(Timing.delay(now, until, policy.maxDelay()));
                LOG.log(System.Logger.Level.WARNING, "{0} message not scheduled for {1} ({2}: {3}); re-enqueued with a "
                        + "{4} s SQS delay instead", message.program(), scheduled.at(), e.getClass().getSimpleName(),
                        e.getMessage(), ((Hop.Delay) hop).delay().toSeconds());
            }
        }
        ports.queue().defer(message, ((Hop.Delay) hop).delay());
        return hop;
    }

    /** {@link #send}'s answer when every device's token was dead and the message may fall back to e-mail. */
    private static final SendResult EVERY_TOKEN_DEAD = new SendResult.Finished("every-token-dead");

    private String mailRefusal(UserProfile user, PushMessage message) {
        return ports.mail() == null ? "email-unavailable" : ports.mail().refusal(user, message.program());
    }

    private SendResult refuseMail(PushMessage message, String reason, DeliveryRecorder record) {
        DeliveryOutcome outcome = EmailChannel.OPTED_OUT.equals(reason) ? DeliveryOutcome.OPTED_OUT : DeliveryOutcome.FAILED;
        record.device(outcome, reason, EmailChannel.CHANNEL);
        return finished(outcome.wireName());
    }

    /** The e-mail leg: {@code channel: email}, or {@code push-then-email} without a live device. */
    private SendResult email(PushMessage message, SendLedger.Entry entry, UserProfile user, Optional<Template> template,
            Assignment assignment, DeliveryRecorder record) {
        String refused = mailRefusal(user, message);
        if (refused != null) {
            return refuseMail(message, refused, record);
        }
        if (entry.sentTokens().contains(EmailChannel.LEDGER_TOKEN)) {
            return finished("sent"); // sent by an earlier attempt that stopped before finishing
        }
        Optional<EmailChannel.Composed> composed = template.flatMap(t -> ports.mail().compose(t, user, message,
                assignment == null ? null : assignment.variationKey()));
        if (composed.isEmpty()) {
            record.decision(DeliveryOutcome.FAILED, "no-email-template");
            return deadLetter(message, "no-email-template:" + message.template());
        }
        record.copy(composed.get().locale(), composed.get().variant(), assignment);
        ProviderOutcome outcome = ports.mail().send(composed.get().email());
        switch (outcome) {
            case ProviderOutcome.Sent s -> {
                concurrently.both(() -> ports.ledger().markSent(message.idempotencyKey(), EmailChannel.LEDGER_TOKEN),
                        () -> record.device(DeliveryOutcome.SENT, null, EmailChannel.CHANNEL));
                return finished("sent");
            }
            case ProviderOutcome.Retry r -> {
                record.device(DeliveryOutcome.FAILED, "retry:" + r.reason(), EmailChannel.CHANNEL);
                return new SendResult.RetryLater(r.retryAfter(), r.reason());
            }
            case ProviderOutcome.Rejected r -> {
                record.device(DeliveryOutcome.FAILED, r.reason(), EmailChannel.CHANNEL);
                return deadLetter(message, r.reason());
            }
            case ProviderOutcome.DeadToken d -> {
                record.device(DeliveryOutcome.FAILED, d.reason(), EmailChannel.CHANNEL);
                return finished("failed");
            }
        }
    }

    private SendResult send(PushMessage message, SendLedger.Entry entry, List<Device> devices,
            Notification notification, DeliveryRecorder record) {
        List<Device> pending = devices.stream().filter(d -> !entry.sentTokens().contains(d.token())).toList();
        int alreadySent = devices.size() - pending.size();
        List<ProviderOutcome> outcomes = concurrently.all(pending.stream()
                .<Supplier<ProviderOutcome>>map(device -> () -> deliver(message, device, notification, record))
                .toList());
        Duration retryAfter = null;
        String retryReason = null;
        String rejected = null;
        int sent = 0;
        for (ProviderOutcome outcome : outcomes) {
            if (outcome instanceof ProviderOutcome.Sent) {
                sent++;
            } else if (outcome instanceof ProviderOutcome.Retry r
                    && (retryAfter == null || r.retryAfter().compareTo(retryAfter) > 0)) {
                retryAfter = r.retryAfter();
                retryReason = r.reason();
            } else if (outcome instanceof ProviderOutcome.Rejected r) {
                rejected = r.reason();
            }
        }
        if (retryAfter != null) {
            return new SendResult.RetryLater(retryAfter, retryReason);
        }
        if (rejected != null) {
            return deadLetter(message, rejected);
        }
        if (sent + alreadySent == 0) {
            return message.channel() == ChannelPreference.PUSH_THEN_EMAIL ? EVERY_TOKEN_DEAD : finished("failed");
        }
        return finished("sent");
    }

    /**
     * Sends to one device and does what its answer asks (ledger mark, token removal, delivery record; the
     * record at the same time as the other write). Runs concurrently with the message's other devices:
     * every step is per token.
     */
    private ProviderOutcome deliver(PushMessage message, Device device, Notification notification, DeliveryRecorder record) {
        ProviderOutcome outcome = ports.gateways().get(device.platform()).send(device, notification);
        String channel = device.platform() == Platform.IOS ? "apns" : "fcm";
        switch (outcome) {
            case ProviderOutcome.Sent s -> concurrently.both(() -> ports.ledger().markSent(message.idempotencyKey(), device.token()),
                    () -> record.device(DeliveryOutcome.SENT, null, channel));
            case ProviderOutcome.DeadToken d -> {
                concurrently.both(() -> ports.users().removeDevice(device),
                        () -> record.device(DeliveryOutcome.FAILED, "dead-token:" + d.reason(), channel));
                LOG.log(System.Logger.Level.INFO, "removed dead {0} token {1} ({2})", channel, device.tokenRef(), d.reason());
            }
            case ProviderOutcome.Retry r -> record.device(DeliveryOutcome.FAILED, "retry:" + r.reason(), channel);
            case ProviderOutcome.Rejected r -> record.device(DeliveryOutcome.FAILED, r.reason(), channel);
        }
        return outcome;
    }

    /** Moves the message to the DLQ; {@link #settle} then finishes its key. */
    private SendResult deadLetter(PushMessage message, String reason) {
        ports.queue().deadLetter(message, reason);
        return new SendResult.DeadLettered(reason);
    }

    private static SendResult finished(String outcome) {
        return new SendResult.Finished(outcome);
    }

    private Assignment assign(Template template, UserProfile user, List<Device> devices) {
        if (template.experimentKey() == null) {
            return null;
        }
        Map<String, Object> attributes = new HashMap<>(user.attributes());
        attributes.put("locale", user.locale());
        attributes.put("platform", devices.isEmpty() ? EmailChannel.CHANNEL : devices.get(0).platform().wireName());
        try {
            return ports.experiments().assign(template.experimentKey(), user.userId(), attributes);
        } catch (UnknownExperimentException e) {
            LOG.log(System.Logger.Level.WARNING, "template {0} names unknown experiment {1}; default copy used",
                    template.id(), template.experimentKey());
            return null;
        }
    }

    private static Notification notification(PushMessage message, Copy copy) {
        Map<String, String> data = new LinkedHashMap<>(message.data());
        data.put("program", message.program());
        data.put("template", message.template());
        return new Notification(copy, data, message.priority(), collapseId(message.idempotencyKey()),
                (message.program() + "_" + message.template()).replaceAll("[^A-Za-z0-9._~%-]", "_"));
    }

    /** The idempotency key, shortened to APNs' 64-byte collapse-id limit when needed. */
    static String collapseId(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length <= 64) {
            return key;
        }
        return "k" + Integer.toHexString(key.hashCode()) + Long.toHexString(key.length());
    }
}
