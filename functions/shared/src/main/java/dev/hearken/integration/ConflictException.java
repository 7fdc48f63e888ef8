package dev.hearken.integration;

/**
 * The object changed between our read and our write (e.g. Zendesk's safe update answers 409): read it again and
 * decide again.
 */
public final class ConflictException extends IntegrationException {

    public ConflictException(String service, String object) {
        super(service, object + " changed since it was read");
    }
}
