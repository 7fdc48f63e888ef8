package dev.hearken.ticket.domain;

/**
 * An operator's routing rule or VIP entry that the worker could not use as written, naming the field at fault so
 * that the operator API can answer a 400 that says which one.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private final String field;

    public InvalidConfigurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault ({@code autoReply}, {@code tags}, {@code vipKey}). */
    public String field() {
        return field;
    }
}
