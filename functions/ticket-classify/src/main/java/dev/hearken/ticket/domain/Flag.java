package dev.hearken.ticket.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why a ticket is a priority ticket. A flagged ticket goes to its dedicated group, is tagged as
 * priority and is never answered automatically.
 */
public enum Flag {
    PRIVACY,
    LEGAL,
    PAYMENT,
    VIP;

    /** The lower-case name used in routing rules and tags ({@code privacy}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag the router puts on a ticket with this flag ({@code hearken_privacy}). */
    public String tag() {
        return "hearken_" + label();
    }

    /**
     * The flags earlier deliveries raised, as their tags on the ticket say: the description's and
     * every earlier follow-up's (the worker is the one that writes them). An agent who removes such a
     * tag takes the flag back.
     */
    public static Set<Flag> recordedIn(Collection<String> tags) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag flag : values()) {
            if (tags.stream().anyMatch(t -> t.equalsIgnoreCase(flag.tag()))) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
