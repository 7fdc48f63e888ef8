package dev.hearken.aws.http;

import java.util.regex.Pattern;

/**
 * Identifiers taken from a path or query string (app ids, package names, topics, experiment keys): 1–128
 * characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit. Anything else —
 * {@code ../../etc/passwd}, NUL, CR/LF, 10,000 characters — is a 400 naming the parameter, so that it reaches
 * neither a table key nor a log line.
 */
public final class Identifiers {

    /** Longest identifier accepted (Play package names are at most 100 characters; Apple IDs 10 digits). */
    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");

    private Identifiers() {}

    /** {@code value} when it is a valid identifier; otherwise a 400 naming {@code name}, never quoting the value. */
    public static String require(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadRequestException(name, name + " is required");
        }
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new BadRequestException(name, name + " must be 1-" + MAX_LENGTH
                    + " letters, digits or . _ : @ -, starting with a letter or digit");
        }
        return value;
    }
}
