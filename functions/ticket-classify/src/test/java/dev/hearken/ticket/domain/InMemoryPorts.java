package dev.hearken.ticket.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory doubles of the worker's ports, for domain tests without Quarkus or AWS. */
final class InMemoryPorts {

    /** A help desk with safe-update semantics and scriptable failures. */
    static final class Desk implements TicketDesk {
        final Map<Long, Ticket> tickets = new HashMap<>();
        final List<TicketUpdate> updates = new ArrayList<>();
        int conflictsToAnswer;
        RateLimitedException rateLimit;
        int stamp = 10;

        @Override
        public Ticket ticket(long id) {
            if (rateLimit != null) {
                throw rateLimit;
            }
            Ticket t = tickets.get(id);
            if (t == null) {
                throw new NotFoundException("zendesk", "ticket " + id);
            }
            return t;
        }

        @Override
        public Requester requester(long userId) {
            return new Requester(userId, "user" + userId + "@example.com", "en-US", null);
        }

        @Override
        public Organization organization(long organizationId) {
            return new Organization(organizationId, List.of("enterprise"));
        }

        @Override
        public void update(TicketUpdate u) {
            Ticket t = tickets.get(u.ticketId());
            if (conflictsToAnswer > 0) {
                conflictsToAnswer--;
                // an agent edited it meanwhile
                List<String> tags = new ArrayList<>(t.tags());
                tags.add("agent_edit");
                tickets.put(t.id(), copy(t, tags, t.groupId(), t.priority(), next()));
                throw new ConflictException("zendesk", "ticket " + u.ticketId());
            }
            if (!u.updatedStamp().equals(t.updatedAt())) {
                throw new ConflictException("zendesk", "ticket " + u.ticketId());
            }
            updates.add(u);
            tickets.put(t.id(), copy(t, u.tags(), u.groupId() != null ? u.groupId() : t.groupId(),
                    u.priority() != null ? u.priority() : t.priority(), next()));
        }

        @Override
        public void markAsSpam(long ticketId) {
        }

        /** Tickets opened through {@link #create}, by id (ids from 900 up). */
        final Map<Long, NewTicket> created = new HashMap<>();

        @Override
        public List<Long> ticketsByExternalId(String externalId) {
            if (rateLimit != null) {
                throw rateLimit;
            }
            return created.entrySet().stream().filter(e -> e.getValue().externalId().equals(externalId))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        @Override
        public long create(NewTicket ticket) {
            long id = 900 + created.size();
            created.put(id, ticket);
            return id;
        }

        private String next() {
            return "2026-03-02T09:%02d:00Z".formatted(++stamp);
        }

        private static Ticket copy(Ticket t, List<String> tags, Long group, String priority, String updatedAt) {
            return new Ticket(t.id(), t.subject(), t.description(), t.status(), priority, group, tags, t.requesterId(),
                    t.organizationId(), updatedAt, t.channel());
        }
    }

    /** A ticket's comments (newest first, as the port lists them) and who wrote them. */
    static final class Comments implements TicketComments {
        final Map<Long, List<TicketComment>> byTicket = new HashMap<>();
        final Map<Long, CommentAuthor> authors = new HashMap<>();

        /** Adds a comment as the newest of its ticket. */
        Comments add(long ticketId, TicketComment comment, CommentAuthor author) {
            byTicket.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(0, comment);
            authors.put(comment.authorId(), author);
            return this;
        }

        @Override
        public List<TicketComment> newest(long ticketId) {
            return List.copyOf(byTicket.getOrDefault(ticketId, List.of()));
        }

        @Override
        public CommentAuthor author(long userId) {
            return authors.getOrDefault(userId, CommentAuthor.UNKNOWN);
        }
    }

    static final class Vips implements VipDirectory {
        final Set<Long> users = new HashSet<>();

        @Override
        public boolean isVip(Requester requester, Long organizationId) {
            return users.contains(requester.id());
        }
    }

    static final class Log implements DecisionLog {
        final Map<String, Stage> stages = new HashMap<>();
        final Map<String, Decision> decisions = new HashMap<>();
        final Set<Long> replies = new HashSet<>();

        @Override
        public Stage stage(long ticketId, String eventKey) {
            return stages.getOrDefault(ticketId + "/" + eventKey, Stage.NONE);
        }

        @Override
        public void decided(Decision decision) {
            decisions.put(decision.ticketId() + "/" + decision.eventKey(), decision);
            stages.put(decision.ticketId() + "/" + decision.eventKey(), Stage.DECIDED);
        }

        @Override
        public void updated(long ticketId, String eventKey) {
            stages.put(ticketId + "/" + eventKey, Stage.UPDATED);
        }

        @Override
        public void done(long ticketId, String eventKey) {
            stages.put(ticketId + "/" + eventKey, Stage.DONE);
        }

        @Override
        public boolean replyRequested(long ticketId) {
            return replies.contains(ticketId);
        }

        @Override
        public void replyRequestedNow(long ticketId, String eventKey) {
            replies.add(ticketId);
        }
    }

    static final class Replies implements ReplyQueue {
        final List<AutoReplyRequest> sent = new ArrayList<>();

        @Override
        public void send(AutoReplyRequest request) {
            sent.add(request);
        }
    }

    private InMemoryPorts() {
    }
}
