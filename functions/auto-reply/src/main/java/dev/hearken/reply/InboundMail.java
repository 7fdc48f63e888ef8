package dev.hearken.reply;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One e-mail that reached support outside Zendesk: an item of the {@code inbound-mail} table, the
 * contract between the inbound-mail producer (an SES receiving rule or mail gateway, which writes it)
 * and auto-reply (which reads it and marks it answered). The auto-reply queue only carries
 * {@link #messageId()} (an {@link AutoReplyRequest} with source {@code email}), so addresses and
 * headers stay in this table, which expires them.
 *
 * <p>DynamoDB attributes have the component names below (strings unless said otherwise). The producer
 * writes everything up to {@code flags} and {@code status = open}; an agent tool sets
 * {@code humanRepliedAt} and {@code status = answered} when a person answers; auto-reply only ever
 * sets {@code autoRepliedAt}, {@code autoReplyId} and {@code attention}.
 *
 * @param messageId      key: the producer's id of the message (e.g. SES's receipt message id); the request's itemId
 * @param fromAddress    the address to answer as received: the mail's {@code Reply-To} when it had one, else {@code From}
 * @param fromName       the sender's display name, decoded, or {@code null}
 * @param subject        the subject, decoded (RFC 2047), or {@code null}
 * @param rfcMessageId   the {@code Message-ID} header with its angle brackets ({@code <abc@example.com>}), or {@code null}
 * @param references     the {@code References} header, or {@code null}
 * @param receivedAt     ISO-8601 UTC instant the message was received
 * @param caseNumber     the request number the reply quotes to the user (digits), assigned by the producer
 * @param language       detected ISO 639-1 language of the text ({@code und} when unknown)
 * @param locale         a locale the producer knows for the sender ({@code pt-BR}), or {@code null}
 * @param app            the app the message is about (scopes daily caps), or {@code null}
 * @param headers        the headers that decide whether a machine may answer, names lower-case, only those of
 *                       {@link #GUARD_HEADERS} the message had (attribute type M)
 * @param flags          what understanding flagged ({@code vip}, {@code privacy}, {@code legal}, {@code priority},
 *                       {@code payment_problem}, …; attribute type L of S)
 * @param status         {@code open}, {@code answered} (a person replied) or {@code closed}
 * @param humanRepliedAt when a person answered, or {@code null}
 * @param autoRepliedAt  when auto-reply's answer was accepted for sending, or {@code null}
 * @param expiresAt      epoch seconds after which DynamoDB deletes the item (TTL; attribute type N), 0 = never
 */
public record InboundMail(
        String messageId,
        String fromAddress,
        String fromName,
        String subject,
        String rfcMessageId,
        String references,
        String receivedAt,
        String caseNumber,
        String language,
        String locale,
        String app,
        Map<String, String> headers,
        List<String> flags,
        String status,
        String humanRepliedAt,
        String autoRepliedAt,
        long expiresAt) {

    /** The headers the producer copies into {@link #headers()} (RFC 3834, RFC 2369/2919, Exchange, RFC 5321). */
    public static final List<String> GUARD_HEADERS = List.of("auto-submitted", "precedence", "list-id",
            "list-unsubscribe", "x-auto-response-suppress", "return-path");

    public InboundMail {
        Objects.requireNonNull(messageId, "messageId");
        headers = headers == null ? Map.of() : headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (a, b) -> a));
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A header of {@link #headers()} by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        // No address, name or subject in logs.
        return "InboundMail[messageId=" + messageId + ", status=" + status + ", autoRepliedAt=" + autoRepliedAt + "]";
    }
}
