package dev.hearken.autoreply.zendesk;

import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReplyDesk;
import dev.hearken.autoreply.domain.TicketView;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integrations.zendesk.ZendeskClient;
import dev.hearken.integrations.zendesk.ZendeskDtos;
import dev.hearken.integration.ServiceException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * auto-reply's {@link ReplyDesk} over the one {@link ZendeskClient} (429 and 409 arrive as the kernel's
 * exceptions); a 4xx that the same request cannot turn into a success becomes {@link RejectedException}.
 *
 * <p>"Someone already answered" = a public comment whose author is not the requester: the first
 * comment is the requester's own description, so any other public author is an agent (or our own
 * earlier reply). Tags are sent as the full set (the {@code tags} field replaces) together with
 * {@code safe_update}, so an agent's concurrent edit turns into a 409 instead of being overwritten.
 */
public final class ZendeskReplyDesk implements ReplyDesk {

    /** Blocking REST calls in parallel without a pool to size: one virtual thread per call. */
    private static final ExecutorService READS = Executors.newVirtualThreadPerTaskExecutor();

    private final ZendeskClient zendesk;

    public ZendeskReplyDesk(ZendeskClient zendesk) {
        this.zendesk = zendesk;
    }

    @Override
    public TicketView read(long ticketId) {
        // The comments do not depend on the ticket: read them while the ticket and then its requester
        // are read (three calls in the time of two).
        CompletableFuture<List<ZendeskDtos.CommentObject>> comments = CompletableFuture.supplyAsync(
                () -> call(() -> zendesk.newestComments(ticketId)), READS);
        ZendeskDtos.TicketObject ticket;
        String name = null;
        long requester;
        try {
            ticket = call(() -> zendesk.ticket(ticketId));
            requester = ticket.requesterId() == null ? -1 : ticket.requesterId();
            if (requester > 0) {
                ZendeskDtos.UserObject user = call(() -> zendesk.user(requester));
                name = user == null ? null : user.name();
            }
        } catch (RuntimeException e) {
            comments.cancel(true);
            throw e;
        }
        boolean answered = join(comments).stream().anyMatch(c -> Boolean.TRUE.equals(c.isPublic())
                && (c.authorId() == null ? -1 : c.authorId()) != requester);
        Set<String> tags = new LinkedHashSet<>(ticket.tags() == null ? List.of() : ticket.tags());
        return new TicketView(ticketId, ticket.status(), ticket.priority(), ticket.groupId(), tags, name,
                ticket.updatedAt(), answered);
    }

    /** The future's value, rethrowing its own exception (RateLimitedException, RejectedException, …). */
    private static <T> T join(CompletableFuture<T> future) {
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
        Set<String> allTags = new TreeSet<>(ticket.tags());
        allTags.addAll(tags);
        boolean safe = ticket.updatedAt() != null;
        var update = new ZendeskDtos.TicketUpdateInput(new ZendeskDtos.Comment(body, true), List.copyOf(allTags),
                null, null, status, safe ? true : null, safe ? ticket.updatedAt() : null);
        call(() -> {
            zendesk.update(ticket.id(), update);
            return null;
        });
    }

    /** A 404 or another permanent 4xx: the request can never succeed, so it goes to the DLQ at once. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (NotFoundException e) {
            throw new RejectedException("zendesk_404");
        } catch (ServiceException e) {
            if (e.permanent()) {
                throw new RejectedException("zendesk_" + e.status());
            }
            throw e;
        }
    }
}
