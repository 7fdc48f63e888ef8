package dev.hearken.autoreply.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.reply.InboundMail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory doubles of the auto-reply ports, with the same semantics as the DynamoDB and Zendesk adapters. */
final class InMemory {

    private InMemory() {}

    static final class Catalogue implements ReplyTemplates {
        final Map<String, ReplyTemplate> templates = new HashMap<>();

        Catalogue add(ReplyTemplate t) {
            templates.put(t.key() + "|" + t.language(), t);
            return this;
        }

        @Override
        public Optional<ReplyTemplate> find(String key, String language) {
            return Optional.ofNullable(templates.get(key + "|" + language));
        }
    }

    static final class Ledger implements ReplyLedger {
        record Entry(State state, Instant claimedAt, ReplyOutcome outcome) {}

        final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public synchronized Claim claim(String requestId, Instant now) {
            Entry e = entries.get(requestId);
            if (e == null) {
                entries.put(requestId, new Entry(State.PENDING, now, null));
                return new Claim(State.NEW, now);
            }
            return new Claim(e.state(), e.claimedAt());
        }

        @Override
        public synchronized boolean takeOver(String requestId, Instant seenClaimedAt, Instant now) {
            Entry e = entries.get(requestId);
            if (e == null || e.state() != State.PENDING || !e.claimedAt().equals(seenClaimedAt)) {
                return false;
            }
            entries.put(requestId, new Entry(State.PENDING, now, null));
            return true;
        }

        @Override
        public synchronized void release(String requestId) {
            entries.computeIfPresent(requestId, (k, e) -> e.state() == State.PENDING ? null : e);
        }

        @Override
        public synchronized void complete(String requestId, ReplyOutcome outcome, Instant now) {
            Entry e = entries.get(requestId);
            entries.put(requestId, new Entry(State.DONE, e == null ? now : e.claimedAt(), outcome));
        }
    }

    static final class Caps implements DailyCaps {
        final Map<String, Integer> used = new HashMap<>();

        @Override
        public synchronized boolean tryTake(String channel, String scope, LocalDate day, int limit) {
            String key = channel + "#" + scope + "#" + day;
            int n = used.getOrDefault(key, 0);
            if (n >= limit) {
                return false;
            }
            used.put(key, n + 1);
            return true;
        }
    }

    /** A Zendesk ticket store: a reply adds a public comment and the tags, and bumps updated_at. */
    static final class Desk implements ReplyDesk {
        final Map<Long, TicketView> tickets = new HashMap<>();
        final List<String> posted = new ArrayList<>();
        RuntimeException failNextReply;
        RuntimeException failAfterReply;
        int conflicts;
        /** What the ticket becomes when a conflict is answered (someone changed it meanwhile), or {@code null}. */
        TicketView changedOnConflict;

        Desk put(TicketView t) {
            tickets.put(t.id(), t);
            return this;
        }

        @Override
        public TicketView read(long ticketId) {
            TicketView t = tickets.get(ticketId);
            if (t == null) {
                throw new RejectedException("zendesk_404");
            }
            return t;
        }

        @Override
        public void reply(TicketView ticket, String body, String status, Set<String> tags) {
            if (failNextReply != null) {
                RuntimeException e = failNextReply;
                failNextReply = null;
                throw e;
            }
            if (conflicts > 0) {
                conflicts--;
                if (changedOnConflict != null) {
                    tickets.put(changedOnConflict.id(), changedOnConflict);
                }
                throw new ConflictException("zendesk", "ticket " + ticket.id());
            }
            Set<String> all = new LinkedHashSet<>(ticket.tags());
            all.addAll(tags);
            tickets.put(ticket.id(), new TicketView(ticket.id(), status, ticket.priority(), ticket.groupId(), all,
                    ticket.requesterName(), ticket.updatedAt() + "+", true));
            posted.add(body);
            if (failAfterReply != null) {
                RuntimeException e = failAfterReply; // the API applied it, but we never heard back
                failAfterReply = null;
                throw e;
            }
        }
    }

    static final class Reviews implements ReviewDesk {
        final ReplyChannel channel;
        final Map<String, ReviewView> reviews = new HashMap<>();
        final List<String> posted = new ArrayList<>();

        Reviews(ReplyChannel channel) {
            this.channel = channel;
        }

        Reviews put(String itemId, ReviewView review) {
            reviews.put(itemId, review);
            return this;
        }

        @Override
        public ReplyChannel channel() {
            return channel;
        }

        @Override
        public ReviewView read(String itemId) {
            return reviews.get(itemId);
        }

        @Override
        public void reply(ReviewView review, String body) {
            posted.add(body);
            reviews.entrySet().stream().filter(e -> e.getValue().reviewId().equals(review.reviewId()))
                    .findFirst().ifPresent(e -> e.setValue(new ReviewView(review.app(), review.reviewId(),
                            review.rating(), review.reviewerName(), true)));
        }
    }

    /** The inbound-mail store and SES: a send records the message, the mark sets autoRepliedAt once. */
    static final class Mail implements MailDesk {
        record Sent(String to, MailReply reply) {}

        final Map<String, InboundMail> items = new HashMap<>();
        final List<Sent> sent = new ArrayList<>();
        final Map<String, String> flagged = new HashMap<>();
        RuntimeException failRead;
        RuntimeException failNextSend;
        RuntimeException failAfterSend;
        RuntimeException failMark;

        Mail put(InboundMail mail) {
            items.put(mail.messageId(), mail);
            return this;
        }

        @Override
        public Optional<InboundMail> read(String messageId) {
            if (failRead != null) {
                RuntimeException e = failRead;
                failRead = null;
                throw e;
            }
            return Optional.ofNullable(items.get(messageId));
        }

        @Override
        public String send(InboundMail to, MailReply reply) {
            if (failNextSend != null) {
                RuntimeException e = failNextSend;
                failNextSend = null;
                throw e;
            }
            sent.add(new Sent(to.fromAddress(), reply));
            if (failAfterSend != null) {
                RuntimeException e = failAfterSend; // SES accepted it, but we never heard back
                failAfterSend = null;
                throw e;
            }
            return "ses-" + sent.size();
        }

        @Override
        public boolean markAutoReplied(String messageId, String providerMessageId, Instant at) {
            if (failMark != null) {
                RuntimeException e = failMark;
                failMark = null;
                throw e;
            }
            InboundMail m = items.get(messageId);
            if (m == null || m.autoRepliedAt() != null) {
                return false;
            }
            items.put(messageId, withAutoReplied(m, at.toString()));
            return true;
        }

        @Override
        public void flagForPerson(String messageId, String reason, Instant at) {
            flagged.put(messageId, reason);
        }

        static InboundMail withAutoReplied(InboundMail m, String at) {
            return new InboundMail(m.messageId(), m.fromAddress(), m.fromName(), m.subject(), m.rfcMessageId(),
                    m.references(), m.receivedAt(), m.caseNumber(), m.language(), m.locale(), m.app(), m.headers(),
                    m.flags(), m.status(), m.humanRepliedAt(), at, m.expiresAt());
        }
    }
}
