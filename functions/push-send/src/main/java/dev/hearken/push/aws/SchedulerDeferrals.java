package dev.hearken.push.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.LongDeferrals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * Long deferrals as one-time EventBridge Scheduler schedules: {@code at(yyyy-MM-ddTHH:mm:ss)} in UTC, in
 * the deferral schedule group, flexible time window off, deleted after they fire, whose target is the push
 * queue (SQS {@code SendMessage} with the message JSON as the body, sent with a role that may do only that).
 *
 * <p>Idempotent: the schedule name is derived from the idempotency key and the target minute
 * ({@link #scheduleName}), so a redelivered or retried message creates nothing new — Scheduler answers
 * {@code ConflictException}, which means "already scheduled". Any other failure is thrown, and the caller
 * falls back to an SQS delay.
 *
 * <p>The target retries a failed {@code SendMessage} as long as Scheduler allows (185 attempts over 24 hours,
 * also its default) and then, when a dead-letter queue is configured, Scheduler sends the message there
 * instead of dropping it (the stack's {@code <prefix>-push-deferrals-dlq}, alarmed; {@code make redrive}
 * moves it back to the push queue).
 *
 * @see <a href="https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html">CreateSchedule</a>
 */
public final class SchedulerDeferrals implements LongDeferrals {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    /** Hex digits of the key's hash in a name (160 bits): name = 14-character time + '-' + these = 55 ≤ 64. */
    private static final int HASH_HEX = 40;
    /** Scheduler's maximum retry window and attempts for a target. */
    private static final int MAX_EVENT_AGE_SECONDS = 86_400;
    private static final int MAX_RETRY_ATTEMPTS = 185;

    private final SchedulerClient scheduler;
    private final ObjectMapper json;
    private final String group;
    private final String roleArn;
    private final Supplier<String> queueArn;
    private final String deadLetterArn;

    /**
     * @param group    the schedule group (declared by the CDK stack)
     * @param roleArn  the role Scheduler assumes to send to the queue
     * @param queueArn the push queue's ARN, asked for at the first schedule
     * @param deadLetterArn the SQS queue of undeliverable deferrals, or {@code null} for none
     */
    public SchedulerDeferrals(SchedulerClient scheduler, ObjectMapper json, String group, String roleArn,
            Supplier<String> queueArn, String deadLetterArn) {
        this.scheduler = scheduler;
        this.json = json;
        this.group = group;
        this.roleArn = roleArn;
        this.queueArn = queueArn;
        this.deadLetterArn = deadLetterArn;
    }

    @Override
    public void deferUntil(PushMessage message, Instant at) {
        String body = PushMessageJson.write(json, message);
        try {
            scheduler.createSchedule(b -> b.groupName(group)
                    .name(scheduleName(message.idempotencyKey(), at))
                    .scheduleExpression(expression(at))
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .target(t -> {
                        t.arn(queueArn.get()).roleArn(roleArn).input(body)
                                .retryPolicy(r -> r.maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS)
                                        .maximumRetryAttempts(MAX_RETRY_ATTEMPTS));
                        if (deadLetterArn != null) {
                            t.deadLetterConfig(d -> d.arn(deadLetterArn));
                        }
                    }));
        } catch (ConflictException alreadyScheduled) {
            // The same key for the same minute: an earlier attempt created it. Nothing more to do.
        }
    }

    /** {@code at(yyyy-MM-ddTHH:mm:ss)}, read in the UTC time zone the schedule is given. */
    static String expression(Instant at) {
        return "at(" + AT.format(at) + ")";
    }

    /**
     * The schedule of {@code idempotencyKey} for {@code at}: {@code yyyyMMddTHHmmZ-<40 hex digits of
     * SHA-256(key, at)>}, 55 characters of {@code [0-9A-Za-z-]} (Scheduler allows 64 of
     * {@code [0-9a-zA-Z-_.]}). The time leads so an operator can read when a schedule fires; the hash
     * keeps user ids out of names and makes the name depend on the key alone, whatever its length or
     * characters. Another target minute (a new time zone, new quiet hours) is another schedule.
     */
    public static String scheduleName(String idempotencyKey, Instant at) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        sha256.update(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(at.toString().getBytes(StandardCharsets.US_ASCII));
        return NAME_TIME.format(at) + "-" + HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_HEX);
    }
}
