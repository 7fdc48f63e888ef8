package dev.hearken.ticket.domain;

import java.util.List;

/** Zendesk's ticket priorities, lowest first; the worker only ever raises a priority. */
final class Priorities {

    private static final List<String> ORDER = List.of("low", "normal", "high", "urgent");

    private Priorities() {
    }

    static boolean isValid(String priority) {
        return ORDER.contains(priority);
    }

    /** The higher of two priorities; {@code null} is below every priority. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }
}
