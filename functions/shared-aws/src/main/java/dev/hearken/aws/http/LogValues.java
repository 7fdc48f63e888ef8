package dev.hearken.aws.http;

/**
 * Request values written to logs: control characters (CR/LF above all, which forge log lines) become {@code _},
 * and long values are cut, so a caller cannot inject or flood log records.
 */
public final class LogValues {

    /** Longest value logged. */
    public static final int MAX_LENGTH = 200;

    private LogValues() {}

    /** {@code value} safe for one log line; {@code "null"} for {@code null}. */
    public static String safe(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value;
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
