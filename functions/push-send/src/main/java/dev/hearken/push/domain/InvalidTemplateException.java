package dev.hearken.push.domain;

/** Template copy that push-send could not send as written; {@link #field()} names the part at fault. */
public final class InvalidTemplateException extends RuntimeException {

    private final String field;

    public InvalidTemplateException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    /** The part at fault, as a path into the template: {@code variants.control.title}. */
    public String field() {
        return field;
    }
}
