package dev.hearken.integrations.zendesk;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Zendesk wire records for the native image. Quarkus registers a REST client's return types itself, but the
 * request bodies Jackson writes and the nested records are listed here too, so no DTO depends on how the
 * extension walks the interface.
 */
@RegisterForReflection(targets = {
        ZendeskDtos.TicketResponse.class, ZendeskDtos.TicketObject.class, ZendeskDtos.Via.class,
        ZendeskDtos.TicketUpdateRequest.class, ZendeskDtos.TicketUpdateInput.class, ZendeskDtos.Comment.class,
        ZendeskDtos.UserResponse.class, ZendeskDtos.UserObject.class,
        ZendeskDtos.CommentsResponse.class, ZendeskDtos.CommentObject.class,
        ZendeskDtos.TicketsResponse.class, ZendeskDtos.ListedTicket.class,
        ZendeskDtos.TicketCreateRequest.class, ZendeskDtos.TicketCreateInput.class,
        ZendeskDtos.OrganizationResponse.class, ZendeskDtos.OrganizationObject.class})
final class ZendeskReflection {

    private ZendeskReflection() {
    }
}
