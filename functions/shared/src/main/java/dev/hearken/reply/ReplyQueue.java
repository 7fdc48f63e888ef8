package dev.hearken.reply;

/** Port: hands a reply candidate to auto-reply (the {@code auto-reply} queue); every producer uses this one. */
@FunctionalInterface
public interface ReplyQueue {

    void send(AutoReplyRequest request);
}
