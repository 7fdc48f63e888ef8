package dev.hearken.ticket.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key of one VIP entry, as the {@link VipDirectory} looks it up: {@code user:<Zendesk user id>},
 * {@code email:<lower-case address>} or {@code org:<Zendesk organization id>}. The directory builds its lookups
 * with the same factories, so an entry an operator writes is one the worker finds.
 */
public final class VipKey {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    /**
     * An address as Zendesk holds a user's e-mail, restricted to what an operator API key may hold (letters, digits,
     * {@code . _ -} before the {@code @}): a local part, a domain with at least one dot.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9_-])?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private VipKey() {}

    /** The key of a Zendesk user. */
    public static String user(long userId) {
        return "user:" + userId;
    }

    /** The key of an e-mail address, trimmed and lower-cased as the directory compares them. */
    public static String email(String address) {
        return "email:" + address.trim().toLowerCase(Locale.ROOT);
    }

    /** The key of a Zendesk organization. */
    public static String organization(long organizationId) {
        return "org:" + organizationId;
    }

    /**
     * {@code key} when the directory can find it as written: a positive id without leading zeros after
     * {@code user:} or {@code org:}, or a lower-case address after {@code email:}; otherwise an
     * {@link InvalidConfigurationException} naming {@code vipKey}.
     */
    public static String check(String key) {
        int colon = key.indexOf(':');
        String kind = colon < 0 ? "" : key.substring(0, colon);
        String value = colon < 0 ? "" : key.substring(colon + 1);
        boolean valid = switch (kind) {
            case "user", "org" -> ID.matcher(value).matches() && parses(value);
            case "email" -> EMAIL.matcher(value).matches();
            default -> false;
        };
        if (valid) {
            return key;
        }
        if (kind.equals("email") && EMAIL.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidConfigurationException("vipKey", "write the address in lower case: the directory"
                    + " compares lower-cased addresses");
        }
        throw new InvalidConfigurationException("vipKey", "vipKey must be user:<Zendesk user id>, "
                + "email:<lower-case address> or org:<Zendesk organization id>");
    }

    private static boolean parses(String id) {
        try {
            return Long.parseLong(id) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
