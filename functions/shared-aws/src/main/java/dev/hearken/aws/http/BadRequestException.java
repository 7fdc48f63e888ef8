package dev.hearken.aws.http;

/** A client error in a request body: becomes a 400 naming the field; nothing is written. */
public final class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or {@code null} when the body as a whole is. */
    public String field() {
        return field;
    }
}
