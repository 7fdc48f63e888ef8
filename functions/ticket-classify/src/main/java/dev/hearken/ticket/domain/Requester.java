package dev.hearken.ticket.domain;

/**
 * The ticket's requester (a Zendesk user).
 *
 * @param locale Zendesk locale such as {@code es} or {@code pt-BR}, or {@code null}
 */
public record Requester(long id, String email, String locale, Long organizationId) {

    @Override
    public String toString() {
        return "Requester[id=" + id + "]"; // no e-mail in logs
    }
}
