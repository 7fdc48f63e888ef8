package dev.hearken.push.aws;

import dev.hearken.aws.mail.MimeMessage;
import dev.hearken.push.domain.Email;
import java.time.ZonedDateTime;

/**
 * Writes an {@link Email} as an RFC 5322 / MIME message for SES {@code SendRawEmail}, with the shared
 * {@link MimeMessage} (7-bit ASCII, encoded-words, base64 UTF-8 bodies, no header injection).
 *
 * <ul>
 *   <li>{@code multipart/alternative} (text first, HTML last) when there is an HTML body, a single
 *       {@code text/plain} part otherwise; {@code Content-Language} from the locale when it is a language tag.</li>
 *   <li>{@code List-Unsubscribe: <https://…>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 *       (RFC 8058; Gmail and Yahoo require one-click unsubscribe from bulk senders since 2024).</li>
 * </ul>
 */
public final class RawMime {

    private RawMime() {}

    /**
     * The message, CRLF line ends.
     *
     * @param from     sender address (the SES identity), e.g. {@code notifications@mail.hearken.example}
     * @param fromName display name, or {@code null}
     * @param now      the {@code Date} header
     * @throws IllegalArgumentException when an address or the URL could inject a header
     */
    public static String write(Email email, String from, String fromName, ZonedDateTime now) {
        MimeMessage.Builder mime = MimeMessage.builder()
                .from(from, fromName)
                .to(email.to(), null)
                .subject(email.copy().subject())
                .date(now)
                .contentLanguage(email.locale())
                .text(email.copy().text())
                .html(email.copy().html());
        if (email.unsubscribeUrl() != null) {
            mime.listUnsubscribeOneClick(email.unsubscribeUrl());
        }
        return mime.build().raw();
    }
}
