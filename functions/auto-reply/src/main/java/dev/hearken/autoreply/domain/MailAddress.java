package dev.hearken.autoreply.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail addresses auto-reply writes to: plain ASCII {@code local@domain} (RFC 5321 dot-atom local
 * part, LDH domain labels), at most 254 characters. Anything else — quoted local parts, comments,
 * internationalised addresses, and above all CR/LF or a second address smuggled into a header — is
 * not sendable and left to a person.
 */
public final class MailAddress {

    private static final Pattern SENDABLE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private MailAddress() {}

    /** Whether {@code address} is a bare address we may put into a header and hand to SES. */
    public static boolean isSendable(String address) {
        return address != null && address.length() <= 254 && SENDABLE.matcher(address).matches();
    }

    /** The part before the last {@code @}, lower case. */
    public static String localPart(String address) {
        return address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
    }

    /** The part after the last {@code @}, lower case. */
    public static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
