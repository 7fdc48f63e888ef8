package dev.hearken.ticket.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire shapes of the Zendesk Ticketing API (OAS schemas TicketResponse, TicketUpdateRequest, UserResponse, OrganizationResponse). */
public final class ZendeskDtos {

    private ZendeskDtos() {
    }

    /** {@code {"ticket": TicketObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TicketResponse(TicketObject ticket) {}

    /** The fields of OAS {@code TicketObject} the worker reads. */
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

    /** The fields of OAS {@code TicketUpdateInput} the worker writes; absent ones are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketUpdateInput(
            List<String> tags,
            @JsonProperty("group_id") Long groupId,
            String priority,
            String status,
            @JsonProperty("safe_update") Boolean safeUpdate,
            @JsonProperty("updated_stamp") String updatedStamp) {}

    /** {@code {"user": UserObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserResponse(UserObject user) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserObject(
            Long id,
            String email,
            String locale,
            @JsonProperty("organization_id") Long organizationId) {}

    /** {@code {"organization": OrganizationObject}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationResponse(OrganizationObject organization) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationObject(Long id, String name, List<String> tags) {}
}
