package dev.hearken.ticket.domain;

import java.util.Locale;

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
}
