package dev.hearken.push.port;

import dev.hearken.push.message.PushMessage;
import java.time.Duration;
import java.util.List;

/** The push queue, for re-enqueueing deferred messages, dead-lettering, and campaign fan-out. */
public interface PushQueue {

    /** Puts {@code message} back on the queue, invisible for {@code delay} (at most 15 minutes). */
    void defer(PushMessage message, Duration delay);

    /** Moves {@code message} to the dead-letter queue with {@code reason} as a message attribute. */
    void deadLetter(PushMessage message, String reason);

    /** Enqueues up to 10 messages in one request; returns how many were accepted after retrying failed entries. */
    int sendBatch(List<PushMessage> messages);
}
