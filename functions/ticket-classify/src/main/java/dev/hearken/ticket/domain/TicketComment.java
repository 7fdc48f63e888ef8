package dev.hearken.ticket.domain;

/**
 * One comment of a ticket as Zendesk's Ticket Comments API lists it (OAS {@code TicketCommentObject}).
 *
 * @param id       the comment's id
 * @param authorId the Zendesk user who wrote it
 * @param body     the text; {@code null} or empty for a comment that only carries attachments
 * @param isPublic {@code false} for an internal note
 */
public record TicketComment(long id, long authorId, String body, boolean isPublic) {

    @Override
    public String toString() {
        // Never print what a user wrote: logs must not carry personal data.
        return "TicketComment[id=" + id + ", authorId=" + authorId + ", bodyChars=" + (body == null ? 0 : body.length())
                + ", public=" + isPublic + "]";
    }
}
