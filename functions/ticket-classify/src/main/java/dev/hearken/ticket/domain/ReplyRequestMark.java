package dev.hearken.ticket.domain;

import java.time.Instant;

/**
 * The record that a ticket's one automatic reply was requested ({@link DecisionLog#replyRequestedNow}).
 *
 * @param requestedBy the delivery whose decision requested it
 * @param requestedAt when
 */
public record ReplyRequestMark(String requestedBy, Instant requestedAt) {}
