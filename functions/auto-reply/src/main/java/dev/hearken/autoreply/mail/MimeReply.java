package dev.hearken.autoreply.mail;

import dev.hearken.autoreply.domain.MailAddress;
import dev.hearken.autoreply.domain.MailReply;
import dev.hearken.aws.mail.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An automatic answer as an RFC 5322 / MIME message (one {@code text/plain; charset=UTF-8} part), written
 * by the shared {@link MimeMessage}, which encodes names and the subject and keeps input out of headers.
 *
 * <p>Threading and loop prevention: {@code In-Reply-To} and {@code References} point at the original
 * (RFC 5322 §3.6.4), {@code Auto-Submitted: auto-replied} marks the answer as automatic (RFC 3834 §5),
 * {@code X-Auto-Response-Suppress: All} asks Exchange not to answer it with an out-of-office, and
 * {@code Reply-To} is the support address where a person reads the answers. Addresses must also be
 * {@link MailAddress#isSendable sendable}, auto-reply's own policy.
 */
public final class MimeReply {

    private MimeReply() {}

    /** Who sends and where people answer. */
    public record Sender(String address, String displayName, String replyTo) {}

    /** The original message the answer threads under (any field may be {@code null}). */
    public record Original(String toAddress, String toName, String messageId, String references) {}

    /**
     * The whole message, headers and body.
     *
     * @throws IllegalArgumentException when an address is not sendable
     */
    public static String build(Sender sender, Original original, MailReply reply, Instant date) {
        requireSendable(sender.address());
        requireSendable(sender.replyTo());
        requireSendable(original.toAddress());
        return MimeMessage.builder()
                .from(sender.address(), sender.displayName())
                .to(original.toAddress(), original.toName())
                .replyTo(sender.replyTo())
                .subject(reply.subject())
                .date(date.atZone(ZoneOffset.UTC))
                .generateMessageId(MailAddress.domain(sender.address()))
                .inReplyTo(original.messageId(), original.references())
                .header("Auto-Submitted", "auto-replied")
                .header("X-Auto-Response-Suppress", "All")
                .contentLanguage(reply.language())
                .text(reply.body())
                .build()
                .raw();
    }

    private static void requireSendable(String address) {
        if (!MailAddress.isSendable(address)) {
            throw new IllegalArgumentException("not a sendable address");
        }
    }
}
