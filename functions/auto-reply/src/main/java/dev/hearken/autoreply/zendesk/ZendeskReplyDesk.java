package dev.hearken.autoreply.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.autoreply.domain.RateLimitedException;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.TicketDesk;
import dev.hearken.autoreply.domain.TicketView;
import dev.hearken.autoreply.domain.UpdateConflictException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@link TicketDesk} over the Zendesk Ticketing API.
 *
 * <p>"Someone already answered" = a public comment whose author is not the requester: the first
 * comment is the requester's own description, so any other public author is an agent (or our own
 * earlier reply). Tags are sent as the full set (the {@code tags} field replaces) together with
 * {@code safe_update}, so an agent's concurrent edit turns into a 409 instead of being overwritten.
 */
public final class ZendeskTicketDesk implements TicketDesk {

    /** Comments read per ticket: a ticket auto-reply may still answer has only a handful. */
    private static final int COMMENTS_PAGE = 100;
    /** Blocking REST calls in parallel without a pool to size: one virtual thread per call. */
    private static final ExecutorService READS = Executors.newVirtualThreadPerTaskExecutor();

    private final ZendeskApi api;
    private final Supplier<String> authorization;
    private final ObjectMapper json;

    public ZendeskTicketDesk(ZendeskApi api, Supplier<String> authorization, ObjectMapper json) {
        this.api = api;
        this.authorization = authorization;
        this.json = json;
    }

    @Override
    public TicketView read(long ticketId) {
        String auth = authorization.get();
        // The comments do not depend on the ticket: read them while the ticket and then its requester
        // are read (three calls in the time of two).
        CompletableFuture<JsonNode> comments = CompletableFuture.supplyAsync(
                () -> call(() -> api.comments(auth, ticketId, "-created_at", COMMENTS_PAGE)), READS);
        JsonNode ticket;
        String name = null;
        long requester;
        try {
            ticket = call(() -> api.ticket(auth, ticketId)).path("ticket");
            requester = ticket.path("requester_id").asLong(-1);
            if (requester > 0) {
                name = call(() -> api.user(auth, requester)).path("user").path("name").asText(null);
            }
        } catch (RuntimeException e) {
            comments.cancel(true);
            throw e;
        }
        boolean answered = false;
        for (JsonNode comment : join(comments).path("comments")) {
            if (comment.path("public").asBoolean(false) && comment.path("author_id").asLong(-1) != requester) {
                answered = true;
                break;
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        ticket.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode group = ticket.path("group_id");
        return new TicketView(ticketId, ticket.path("status").asText(null), ticket.path("priority").asText(null),
                group.isNumber() ? group.asLong() : null, tags, name, ticket.path("updated_at").asText(null), answered);
    }

    /** The future's value, rethrowing its own exception (RateLimitedException, RejectedException, …). */
    private static JsonNode join(CompletableFuture<JsonNode> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void reply(TicketView ticket, String body, String status, Set<String> tags) {
        ObjectNode update = json.createObjectNode();
        ObjectNode t = update.putObject("ticket");
        ObjectNode comment = t.putObject("comment");
        comment.put("body", body);
        comment.put("public", true);
        if (status != null) {
            t.put("status", status);
        }
        ArrayNode all = t.putArray("tags");
        Set<String> allTags = new TreeSet<>(ticket.tags());
        allTags.addAll(tags);
        allTags.forEach(all::add);
        if (ticket.updatedAt() != null) {
            t.put("safe_update", true);
            t.put("updated_stamp", ticket.updatedAt());
        }
        call(() -> api.update(authorization.get(), ticket.id(), update), ticket.id());
    }

    private static JsonNode call(Supplier<JsonNode> request) {
        return call(request, -1);
    }

    private static JsonNode call(Supplier<JsonNode> request, long ticketId) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 429) {
                throw new RateLimitedException("zendesk", retryAfter(e.getResponse().getHeaderString("Retry-After")));
            }
            if (status == 409 && ticketId > 0) {
                throw new UpdateConflictException(ticketId);
            }
            if (status >= 400 && status < 500 && status != 408) {
                throw new RejectedException("zendesk_" + status);
            }
            throw new IllegalStateException("zendesk answered " + status, e);
        }
    }

    /** Retry-After in seconds (Zendesk sends seconds); absent or unreadable → one minute. */
    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (RuntimeException e) {
            return Duration.ofMinutes(1);
        }
    }
}
