package dev.hearken.autoreply.domain;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subject of an automatic e-mail answer: {@code Re: <original subject>} (RFC 5322 §3.6.5), which
 * is what mail clients in every language recognise and thread; a localised subject only when the
 * original had none. The prefix stays "Re:" whatever the language: localised prefixes ("AW:", "SV:")
 * are client display conventions that other clients then fail to recognise.
 */
public final class MailSubject {

    /** Longest subject kept (RFC 5322 allows more, but nobody reads it and header lines fold). */
    static final int MAX_LENGTH = 200;

    private static final Pattern REPLY_PREFIX = Pattern.compile("(?iu)^\\s*(re|aw|sv|antw|r|ref|res|回复|答复|返信|ответ)\\s*[:：]");
    // Control characters (CR and LF above all: header injection), and Unicode line/paragraph separators.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    private static final Map<String, String> NO_SUBJECT = Map.of(
            "en", "Your message to us",
            "es", "Tu mensaje",
            "ru", "Ваше сообщение",
            "zh", "您的来信",
            "ja", "お問い合わせについて",
            "pt", "A sua mensagem",
            "pt-BR", "Sua mensagem",
            "de", "Ihre Nachricht an uns",
            "fr", "Votre message");

    private MailSubject() {}

    /** The subject for an answer in {@code language} to a message whose subject was {@code original} (may be null). */
    public static String reply(String original, String language) {
        String cleaned = original == null ? "" : CONTROL.matcher(original).replaceAll(" ").strip().replaceAll("\\s{2,}", " ");
        if (cleaned.isEmpty()) {
            for (String candidate : LanguageChain.of(language, null)) {
                String subject = NO_SUBJECT.get(candidate);
                if (subject != null) {
                    return subject;
                }
            }
            return NO_SUBJECT.get("en");
        }
        String subject = REPLY_PREFIX.matcher(cleaned).find() ? cleaned : "Re: " + cleaned;
        return subject.length() <= MAX_LENGTH ? subject : subject.substring(0, MAX_LENGTH).strip() + "…";
    }
}
