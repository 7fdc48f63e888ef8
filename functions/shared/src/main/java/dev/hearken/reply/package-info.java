/**
 * The hand-over to auto-reply: {@link dev.hearken.reply.AutoReplyRequest}, the message format of the
 * {@code auto-reply} queue shared by its producers and its consumer.
 */
package dev.hearken.reply;
