package dev.hearken.aws.http;

/**
 * Request values written to logs: control characters (CR/LF above all, which forge log lines) become {@code _},
 * and long values are cut, so a caller cannot inject or flood log records.
 */
public final class LogValues {

    /** Longest value logged. */
    public static final int MAX_LENGTH = 200;

    private LogValues() {}

    /** {@code value} safe for one log line, cut at {@link #MAX_LENGTH}; {@code "null"} for {@code null}. */
    public static String safe(String value) {
        return safe(value, MAX_LENGTH);
    }

    /** {@code value} safe for one log line, cut at {@code maxLength} characters; {@code "null"} for {@code null}. */
    public static String safe(String value, int maxLength) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > maxLength ? value.substring(0, maxLength) + "…" : value;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append('_');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
