package dev.hearken.push.domain;

/**
 * A request value the app-backend API refuses: the handler answers 400 naming {@link #field()}, and nothing
 * is written. The message never quotes the value (tokens, addresses and ids are personal data).
 */
public final class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, as the caller named it ({@code quietHours.start}, {@code token}). */
    public String field() {
        return field;
    }
}
