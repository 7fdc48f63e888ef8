package dev.hearken.review.ingest;

import dev.hearken.reply.AutoReplyRequest;

/** Port: hands a reply candidate to auto-reply (the {@code auto-reply} queue). */
@FunctionalInterface
public interface ReplyQueue {

    void send(AutoReplyRequest request);
}
