package dev.hearken.understanding;

import java.util.Locale;

/**
 * What a user wrote, plus the metadata that helps to read it.
 *
 * @param text       the body (plain text or HTML e-mail; may be {@code null} or empty)
 * @param subject    ticket subject or review title, or {@code null}
 * @param rating     star rating 1–5, or {@code null} when there is none
 * @param localeHint the requester's locale as given by the source (Zendesk locale such as {@code pt-BR}), or {@code null};
 *                   used only as a prior for language detection
 * @param territory  the store territory (ISO 3166 alpha-2 or alpha-3, e.g. {@code BR}, {@code JPN}), or {@code null};
 *                   a weaker prior than the locale
 * @param channel    where the text came from; never {@code null} after construction
 */
public record Input(String text, String subject, Integer rating, String localeHint, String territory, Channel channel) {

    public Input {
        if (channel == null) {
            channel = Channel.OTHER;
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            rating = null;
        }
    }

    /** A text with no metadata. */
    public static Input of(String text) {
        return new Input(text, null, null, null, null, Channel.OTHER);
    }

    /** A support ticket: subject, body and the requester's locale (any may be {@code null}). */
    public static Input ticket(String subject, String body, String localeHint) {
        return new Input(body, subject, null, localeHint, null, Channel.TICKET);
    }

    /** An app-store review: title, body, stars and store territory (any may be {@code null}). */
    public static Input review(String title, String body, Integer rating, String territory) {
        return new Input(body, title, rating, null, territory, Channel.REVIEW);
    }

    /** The same input with another locale hint. */
    public Input withLocaleHint(String locale) {
        return new Input(text, subject, rating, locale, territory, channel);
    }

    @Override
    public String toString() {
        // Never print what the user wrote: logs must not carry personal data.
        return "Input[channel=" + channel + ", textChars=" + (text == null ? 0 : text.length())
                + ", subject=" + (subject != null) + ", rating=" + rating
                + ", localeHint=" + (localeHint == null ? null : localeHint.toLowerCase(Locale.ROOT))
                + ", territory=" + territory + "]";
    }
}
