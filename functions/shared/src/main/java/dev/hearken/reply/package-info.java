/**
 * The hand-over to auto-reply: {@link dev.hearken.reply.AutoReplyRequest}, the message format of the
 * {@code auto-reply} queue shared by its producers (review-ingest, ticket-classify, the inbound-mail producer) and
 * its consumer. The inbound-mail item itself ({@code InboundMail}) lives with its only reader, auto-reply.
 */
package dev.hearken.reply;
