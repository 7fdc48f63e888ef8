package dev.hearken.integration;

/** The object does not exist (any more) at the service: retrying will not help. */
public final class NotFoundException extends IntegrationException {

    public NotFoundException(String service, String object) {
        super(service, object + " not found");
    }
}
