/**
 * The hand-over to auto-reply: {@link dev.hearken.reply.AutoReplyRequest}, the message format of the
 * {@code auto-reply} queue shared by its producers and its consumer, and
 * {@link dev.hearken.reply.InboundMail}, the item an inbound-mail producer stores for a message that came by
 * e-mail outside Zendesk (the queue carries only its id).
 */
package dev.hearken.reply;
