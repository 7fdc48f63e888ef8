package dev.hearken.push.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of the values the app backend sends (device registrations, profiles). Each returns the value in the
 * form push-send stores and reads, or throws an {@link InvalidFieldException} naming the field without quoting
 * the value.
 */
public final class AppInput {

    /** Longest language tag accepted (RFC 5646 §4.4.1 advises supporting at least 35 characters). */
    public static final int MAX_LOCALE = 35;
    /** Longest e-mail address accepted (RFC 5321's path limit of 256 minus the angle brackets). */
    public static final int MAX_EMAIL = 254;
    /** Longest app id accepted (Play package names are at most 100 characters). */
    public static final int MAX_APP_ID = 128;

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * A dot-atom local part and a host name of at least two labels (RFC 5321/5322 without quoted local parts,
     * comments or address literals, which no app sign-up produces and which mail headers would have to quote).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private AppInput() {}

    /**
     * A well-formed BCP 47 language tag with a language ({@code pt-BR}, {@code zh-Hant-TW}), as sent — the
     * template catalogue's fallback reads it so; {@code null} when {@code required} is false and it is absent.
     */
    public static String locale(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidFieldException(field, field + " is required");
            }
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_LOCALE) {
            throw new InvalidFieldException(field, field + " must be a BCP 47 language tag such as pt-BR");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
        } catch (IllformedLocaleException e) {
            throw new InvalidFieldException(field, field + " must be a BCP 47 language tag such as pt-BR");
        }
        return value;
    }

    /** An IANA time-zone id ({@code America/Sao_Paulo}); offsets such as {@code +02:00} are refused (no DST). */
    public static ZoneId zone(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw new InvalidFieldException(field, field + " must be an IANA time zone such as Europe/Berlin");
        }
        return ZoneId.of(value);
    }

    /** A local time written {@code HH:mm}, 00:00 to 23:59. */
    public static LocalTime localTime(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        if (!HH_MM.matcher(value).matches()) {
            throw new InvalidFieldException(field, field + " must be a local time HH:mm, 00:00 to 23:59");
        }
        return LocalTime.parse(value);
    }

    /** An e-mail address, trimmed of nothing (a space is an error), or {@code null} when absent. */
    public static String email(String field, String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (value.length() > MAX_EMAIL || at < 1 || at > 64 || !EMAIL.matcher(value).matches()) {
            throw new InvalidFieldException(field, field + " must be an e-mail address such as name@example.com");
        }
        return value;
    }

    /** A bundle id or package name ({@code com.example.app}), or {@code null} when absent. */
    public static String appId(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_APP_ID || !APP_ID.matcher(value).matches()) {
            throw new InvalidFieldException(field, field + " must be 1-" + MAX_APP_ID
                    + " letters, digits or . _ -, starting with a letter or digit");
        }
        return value;
    }

    /** A platform: {@code ios} or {@code android}. */
    public static Platform platform(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return switch (value) {
            case "ios" -> Platform.IOS;
            case "android" -> Platform.ANDROID;
            default -> throw new InvalidFieldException(field, field + " must be ios or android");
        };
    }
}
