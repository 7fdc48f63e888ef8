package dev.hearken.autoreply.domain;

import java.util.Objects;

/**
 * An automatic e-mail answer, before it becomes MIME.
 *
 * @param subject  the subject line ({@code Re: <original>} or a localised one), plain text
 * @param body     the plain-text body; ends with the path to a human
 * @param language BCP 47 tag of the text (for {@code Content-Language})
 */
public record MailReply(String subject, String body, String language) {

    public MailReply {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        return "MailReply[language=" + language + ", length=" + body.length() + "]"; // no content in logs
    }
}
