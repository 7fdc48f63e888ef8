package dev.hearken.ticket.domain;

import java.util.List;

/** Zendesk's ticket priorities, lowest first; the worker only ever raises a priority. */
final class Priorities {

    /** Every priority, lowest first. */
    static final List<String> ALL = List.of("low", "normal", "high", "urgent");

    private Priorities() {
    }

    static boolean isValid(String priority) {
        return ALL.contains(priority);
    }

    /** The higher of two priorities; {@code null} is below every priority. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ALL.indexOf(a) >= ALL.indexOf(b) ? a : b;
    }
}
