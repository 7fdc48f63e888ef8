package dev.hearken.push.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CRM message for one user, as it travels on the push queue ({@code hearken-push}) from the app
 * backend and from campaign fan-out to the push-send worker. The SQS body is this record as JSON:
 *
 * <pre>{@code
 * {
 *   "userId": "user-1001",                     // required; the app's user id (no e-mail, no name)
 *   "program": "onboarding",                   // required; the CRM program, [a-z0-9-]{1,64}
 *   "priority": "lifecycle",                   // required; transactional | lifecycle | promotional
 *   "template": "onboarding-day1",             // required; key in the template catalogue
 *   "data": {"firstName": "Ana"},              // optional; placeholder values, strings only
 *   "channel": "push",                         // optional; push (default) | email | push-then-email
 *   "notBefore": "2026-03-20T09:00:00Z",       // optional; ISO-8601 instant, earliest send time
 *   "idempotencyKey": "onboarding-day1:user-1001" // required; the same key is never pushed twice
 * }
 * }</pre>
 *
 * <p>Producers choose the idempotency key so that a repeated business event maps to the same key
 * (e.g. {@code <program>:<event id>:<user>}); campaign fan-out uses {@code <campaign>:<run>:<user>}.
 * Unknown fields are ignored, so the format can grow without breaking older workers.
 *
 * @param userId         the recipient
 * @param program        the CRM program (for caps reporting, opt-outs and delivery records)
 * @param priority       decides caps and quiet hours, see {@link Priority}
 * @param template       template catalogue key; the copy is localised and may be an experiment
 * @param data           placeholder values for the template, all strings (FCM data values must be strings)
 * @param channel        channel preference
 * @param notBefore      earliest send time, or {@code null} for now
 * @param idempotencyKey de-duplicates redeliveries and re-sends, at most 200 characters
 */
public record PushMessage(
        String userId,
        String program,
        Priority priority,
        String template,
        Map<String, String> data,
        ChannelPreference channel,
        Instant notBefore,
        String idempotencyKey) {

    /** Longest accepted idempotency key (it becomes part of DynamoDB keys). */
    public static final int MAX_KEY_LENGTH = 200;

    public PushMessage {
        require("userId", userId);
        require("program", program);
        require("template", template);
        require("idempotencyKey", idempotencyKey);
        if (priority == null) {
            throw new InvalidPushMessageException("priority", "is required");
        }
        if (!program.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidPushMessageException("program", "must match [a-z0-9][a-z0-9-]{0,63}");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidPushMessageException("idempotencyKey", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        channel = channel == null ? ChannelPreference.PUSH : channel;
    }

    /** Whether caps and quiet hours apply ({@code false} only for {@link Priority#TRANSACTIONAL}). */
    public boolean restricted() {
        return priority != Priority.TRANSACTIONAL;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPushMessageException(field, "is required");
        }
    }
}
