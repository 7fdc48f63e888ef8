package dev.hearken.ticket.admin;

import dev.hearken.aws.http.BadRequestException;
import java.util.List;

/** Checks of the free text and lists an operator writes, shared by the routing-rule and VIP schemas. */
final class AdminText {

    /** Longest note accepted: a sentence or two, as the shipped defaults have. */
    static final int MAX_NOTE = 500;

    private AdminText() {}

    /** {@code note} when absent, or 1-{@value #MAX_NOTE} characters without control characters. */
    static String note(String note) {
        if (note == null) {
            return null;
        }
        if (note.isBlank() || note.length() > MAX_NOTE || note.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("note", "note must be 1-" + MAX_NOTE
                    + " characters on one line, or absent");
        }
        return note;
    }

    /** {@code values}, or empty when absent; a 400 naming {@code field} when it holds a {@code null}. */
    static List<String> list(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.contains(null)) {
            throw new BadRequestException(field, field + " must be a list of strings");
        }
        return values;
    }
}
