package dev.hearken.ticket.domain;

import dev.hearken.reply.AutoReplyRequest;

/** The hand-over to auto-reply. */
public interface ReplyQueue {

    void send(AutoReplyRequest request);
}
