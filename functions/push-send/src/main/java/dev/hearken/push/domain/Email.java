package dev.hearken.push.domain;

import java.util.Objects;

/**
 * One e-mail to one user, ready for the e-mail gateway.
 *
 * @param userId         recipient's user id (never put into the mail or its links)
 * @param to             recipient address
 * @param program        CRM program; the one-click unsubscribe link unsubscribes from it
 * @param unsubscribeUrl the one-click unsubscribe URL (RFC 8058), or {@code null}
 * @param copy           rendered copy
 * @param locale         catalogue locale of the copy ({@code Content-Language})
 * @param messageKey     the message's idempotency key (a header for tracing, not a secret)
 */
public record Email(String userId, String to, String program, String unsubscribeUrl, EmailCopy copy, String locale,
        String messageKey) {

    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(copy, "copy");
    }
}
