package dev.hearken.integrations.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Wire shapes of the Zendesk Ticketing API (OAS schemas TicketResponse, TicketUpdateRequest, UserResponse,
 * OrganizationResponse, TicketCommentsResponse, TicketsResponse, TicketCreateRequest): only the fields Hearken
 * reads or writes. All of them are registered for reflection by {@link ZendeskReflection}.
 */
public final class ZendeskDtos {

    private ZendeskDtos() {
    }

    /** {@code {"ticket": TicketObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TicketResponse(TicketObject ticket) {}

    /** The fields of OAS {@code TicketObject} Hearken reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TicketObject(
            Long id,
            String subject,
            String description,
            String status,
            String priority,
            @JsonProperty("group_id") Long groupId,
            List<String> tags,
            @JsonProperty("requester_id") Long requesterId,
            @JsonProperty("organization_id") Long organizationId,
            @JsonProperty("updated_at") String updatedAt,
            Via via) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Via(String channel) {}

    /** {@code {"ticket": TicketUpdateInput}} */
    public record TicketUpdateRequest(TicketUpdateInput ticket) {}

    /**
     * The fields of OAS {@code TicketUpdateInput} Hearken writes; absent ones are not sent. {@code tags} replaces
     * the ticket's tags; {@code safe_update} with {@code updated_stamp} turns a concurrent edit into a 409
     * (zendesk.md §6).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketUpdateInput(
            Comment comment,
            List<String> tags,
            @JsonProperty("group_id") Long groupId,
            String priority,
            String status,
            @JsonProperty("safe_update") Boolean safeUpdate,
            @JsonProperty("updated_stamp") String updatedStamp) {

        /** An update without a comment. */
        public TicketUpdateInput(List<String> tags, Long groupId, String priority, String status, Boolean safeUpdate,
                String updatedStamp) {
            this(null, tags, groupId, priority, status, safeUpdate, updatedStamp);
        }
    }

    /** OAS {@code TicketCommentObject} as written: plain-text {@code body}, {@code public} (false = internal note). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(String body, @JsonProperty("public") Boolean isPublic) {}

    /** {@code {"user": UserObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserResponse(UserObject user) {}

    /** The fields of OAS {@code UserObject} Hearken reads; {@code role} is {@code end-user}, {@code agent} or {@code admin}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserObject(
            Long id,
            String name,
            String email,
            String locale,
            @JsonProperty("organization_id") Long organizationId,
            String role) {}

    /** {@code {"comments": [TicketCommentObject]}} (OAS {@code TicketCommentsResponse}; pagination fields ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentsResponse(List<CommentObject> comments) {}

    /** The fields of OAS {@code TicketCommentObject} Hearken reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentObject(
            Long id,
            @JsonProperty("author_id") Long authorId,
            String body,
            @JsonProperty("public") Boolean isPublic) {}

    /**
     * {@code {"tickets": [TicketObject]}} (OAS {@code TicketsResponse}; pagination fields ignored), as ListTickets
     * answers a lookup by {@code external_id}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TicketsResponse(List<ListedTicket> tickets) {}

    /** The fields of a listed OAS {@code TicketObject} a lookup by external id reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedTicket(Long id, @JsonProperty("external_id") String externalId, String status) {}

    /** {@code {"ticket": TicketCreateInput}} (OAS {@code TicketCreateRequest}). */
    public record TicketCreateRequest(TicketCreateInput ticket) {}

    /** The fields of OAS {@code TicketCreateInput} a review escalation writes; absent ones are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketCreateInput(
            String subject,
            Comment comment,
            @JsonProperty("external_id") String externalId,
            @JsonProperty("group_id") Long groupId,
            List<String> tags,
            String priority) {}

    /** {@code {"organization": OrganizationObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationResponse(OrganizationObject organization) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationObject(Long id, String name, List<String> tags) {}
}
