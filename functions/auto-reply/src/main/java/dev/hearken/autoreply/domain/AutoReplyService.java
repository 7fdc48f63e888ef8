package dev.hearken.autoreply.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.InboundMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers one auto-reply request, at most once ever.
 *
 * <p><b>Exactly once in effect.</b> The request id is claimed with a conditional write before
 * anything is sent and the outcome recorded after. A re-delivered request whose outcome is recorded
 * does nothing. A request whose claim exists without an outcome (the previous attempt crashed, timed
 * out or was rate limited somewhere between the claim and the record) reads the channel back first:
 * a Zendesk ticket carrying {@link ReplySettings#REPLIED_TAG} (set in the same update as the comment)
 * or a review that already has a developer response is not answered again.
 *
 * <p>A claim without an outcome is honoured for {@link ReplySettings#claimLease()} (longer than the
 * function's timeout), so a second, concurrent delivery of the same message backs off instead of
 * racing the first. When the channel answered "no" (429, a 4xx, a safe-update conflict), nothing was
 * posted and the claim is released.
 *
 * <p>Remaining window: an attempt that dies after the channel accepted the reply but before the
 * outcome is recorded leaves a pending claim; after the lease the retry reads the channel back — a
 * Zendesk ticket carrying {@link ReplySettings#REPLIED_TAG} (added in the same update as the
 * comment, so both or neither exist) or a review that already has a developer response is not
 * answered again. Zendesk is therefore closed; App Store Connect responses show up on read-back only
 * once created, and both stores <em>replace</em> the single developer response, so the worst case
 * there is the same text submitted twice, never two replies.
 *
 * <p>E-mail (SES) has neither an idempotency key nor a read-back, so it is <em>at most once</em>: after
 * sending, the inbound message is marked {@code autoRepliedAt} (a second guard, found by a retry), and a
 * claim left pending without that mark — an attempt that died between SES accepting the message and
 * the mark, or whose SES call failed in an unknown way (timeout, 5xx) — is never resent: it is recorded
 * as {@link ReplyOutcome.Status#UNKNOWN} and the message is flagged for a person. The remaining window
 * is that one update: a crash right after SES accepted the message costs the user a person's
 * follow-up, never a second automatic answer. A failure <em>before</em> the send releases the claim.
 */
public final class AutoReplyService {

    /** The reason of a request that waited longer than the bound ({@link #waitedTooLong}). */
    public static final String WAITED_TOO_LONG = "waited_too_long";

    private static final int CONFLICT_ATTEMPTS = 3;
    private static final Map<ReplyChannel, Integer> MAX_LENGTH = Map.of(
            ReplyChannel.GOOGLE_PLAY, 350, // "Replies of more than approximately 350 characters will be rejected"
            ReplyChannel.APP_STORE, 5970,
            ReplyChannel.ZENDESK, 65_000,
            ReplyChannel.EMAIL, 100_000);

    private final ReplyComposer composer;
    private final ReplyLedger ledger;
    private final DailyCaps caps;
    private final ReplyDesk tickets;
    private final Map<ReplyChannel, ReviewDesk> reviews;
    private final MailDesk mail;
    private final Guardrails guardrails;
    private final ReplySettings settings;
    private final Clock clock;

    /** Without an e-mail channel: {@code email} requests are rejected ({@code channel_not_configured:email}). */
    public AutoReplyService(ReplyComposer composer, ReplyLedger ledger, DailyCaps caps, ReplyDesk tickets,
            List<ReviewDesk> reviews, Guardrails guardrails, ReplySettings settings, Clock clock) {
        this(composer, ledger, caps, tickets, reviews, null, guardrails, settings, clock);
    }

    public AutoReplyService(ReplyComposer composer, ReplyLedger ledger, DailyCaps caps, ReplyDesk tickets,
            List<ReviewDesk> reviews, MailDesk mail, Guardrails guardrails, ReplySettings settings, Clock clock) {
        this.composer = composer;
        this.ledger = ledger;
        this.caps = caps;
        this.tickets = tickets;
        this.reviews = new java.util.EnumMap<>(ReplyChannel.class);
        reviews.forEach(d -> this.reviews.put(d.channel(), d));
        this.mail = mail;
        this.guardrails = guardrails;
        this.settings = settings;
        this.clock = clock;
    }

    /** The longest text {@code channel} accepts; a longer reply is skipped as {@code text_too_long}. */
    public static int maxLength(ReplyChannel channel) {
        return MAX_LENGTH.get(channel);
    }

    /**
     * Handles one request.
     *
     * @throws RateLimitedException the channel (or our daily cap) said later; the claim stays pending
     * @throws RejectedException    the request can never succeed
     */
    public ReplyOutcome handle(AutoReplyRequest request) {
        if (request.version() != AutoReplyRequest.VERSION) {
            throw new RejectedException("unknown_version");
        }
        ReplyChannel channel = ReplyChannel.ofSource(request.source());
        Instant now = clock.instant();
        ReplyLedger.Claim claim = ledger.claim(request.requestId(), now);
        if (claim.state() == ReplyLedger.State.DONE) {
            return ReplyOutcome.duplicate("already_done");
        }
        boolean retry = claim.state() == ReplyLedger.State.PENDING;
        if (retry) {
            // Another attempt may still be running (SQS can deliver a message twice at once): only a
            // claim older than the lease, i.e. from an attempt that must have ended, is taken over.
            Instant leaseEnd = claim.claimedAt().plus(settings.claimLease());
            if (now.isBefore(leaseEnd) || !ledger.takeOver(request.requestId(), claim.claimedAt(), now)) {
                throw new RateLimitedException("in_flight",
                        now.isBefore(leaseEnd) ? Duration.between(now, leaseEnd) : settings.claimLease());
            }
        }
        ReplyOutcome outcome;
        try {
            outcome = switch (channel) {
                case ZENDESK -> answerTicket(request);
                case EMAIL -> answerMail(request, retry);
                case APP_STORE, GOOGLE_PLAY -> answerReview(channel, request, retry);
            };
        } catch (RateLimitedException | RejectedException | ConflictException e) {
            // The channel answered "no" (or we never called it): nothing was posted, so the next
            // attempt may start afresh instead of waiting for the lease.
            ledger.release(request.requestId());
            throw e;
        }
        ledger.complete(request.requestId(), outcome, clock.instant());
        return outcome;
    }

    /**
     * A request that waited longer than the bound (rate limits, a spent daily cap): it is not answered automatically
     * any more — an answer a day late helps nobody, and the item is already where people work (a Zendesk ticket in
     * its group, a review in the store's console). The outcome {@code SKIPPED waited_too_long} is recorded so that no
     * later copy answers it; an e-mail, which only this function sees, is flagged for a person
     * ({@code attention = auto_reply_waited_too_long}).
     *
     * @param waits how many times the request waited
     * @param since when it was first put on the queue
     */
    public ReplyOutcome waitedTooLong(AutoReplyRequest request, int waits, Instant since) {
        Instant now = clock.instant();
        if (ledger.claim(request.requestId(), now).state() == ReplyLedger.State.DONE) {
            return ReplyOutcome.duplicate("already_done");
        }
        if (ReplyChannel.ofSource(request.source()) == ReplyChannel.EMAIL && mail != null) {
            mail.flagForPerson(request.itemId(), "auto_reply_" + WAITED_TOO_LONG, now);
        }
        ReplyOutcome outcome = ReplyOutcome.skipped(WAITED_TOO_LONG);
        ledger.complete(request.requestId(), outcome, now);
        return outcome;
    }

    private ReplyOutcome answerTicket(AutoReplyRequest request) {
        long ticketId = parseTicketId(request.itemId());
        boolean capTaken = false;
        for (int attempt = 1; ; attempt++) {
            TicketView ticket = tickets.read(ticketId);
            if (ticket.tags().contains(ReplySettings.REPLIED_TAG)) {
                return ReplyOutcome.duplicate("found_on_channel");
            }
            Optional<String> stop = guardrails.check(ticket);
            if (stop.isPresent()) {
                return ReplyOutcome.skipped(stop.get());
            }
            Optional<ReplyComposer.Composed> reply = composer.compose(ReplyChannel.Kind.TICKET,
                    List.of("ticket:" + request.intent()), LanguageChain.of(request.locale(), request.language()),
                    new Placeholders(ticket.requesterName(), settings.appName(), settings.articleLinks(),
                            Long.toString(ticketId)),
                    request.requestId());
            if (reply.isEmpty()) {
                return ReplyOutcome.skipped("no_template");
            }
            if (!capTaken) {
                takeCap(ReplyChannel.ZENDESK, "all");
                capTaken = true;
            }
            Set<String> tags = new HashSet<>(settings.ticketTags());
            tags.add(ReplySettings.REPLIED_TAG);
            try {
                tickets.reply(ticket, reply.get().text(), settings.ticketStatus(), tags);
                return sent(reply.get());
            } catch (ConflictException e) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                // An agent changed the ticket meanwhile: read it again and re-check everything.
            }
        }
    }

    private ReplyOutcome answerReview(ReplyChannel channel, AutoReplyRequest request, boolean retry) {
        ReviewDesk desk = reviews.get(channel);
        if (desk == null) {
            throw new RejectedException("channel_not_configured:" + channel.source());
        }
        ReviewView review = desk.read(request.itemId());
        Optional<String> stop = guardrails.check(review);
        if (stop.isPresent()) {
            return retry ? ReplyOutcome.duplicate("found_on_channel") : ReplyOutcome.skipped(stop.get());
        }
        List<String> keys = List.of("review:" + request.intent() + ":" + review.band(), "review:" + request.intent(),
                "review:" + review.band());
        Optional<ReplyComposer.Composed> reply = composer.compose(ReplyChannel.Kind.REVIEW, keys,
                LanguageChain.of(request.locale(), request.language()),
                new Placeholders(review.reviewerName(), settings.appName(), settings.articleLinks(), null),
                request.requestId());
        if (reply.isEmpty()) {
            return ReplyOutcome.skipped("no_template");
        }
        if (reply.get().text().length() > MAX_LENGTH.get(channel)) {
            return ReplyOutcome.skipped("text_too_long");
        }
        takeCap(channel, review.app());
        desk.reply(review, reply.get().text());
        return sent(reply.get());
    }

    private ReplyOutcome answerMail(AutoReplyRequest request, boolean retry) {
        if (mail == null) {
            throw new RejectedException("channel_not_configured:email");
        }
        Prepared prepared;
        try {
            prepared = prepareMail(request, retry);
        } catch (RateLimitedException | RejectedException e) {
            throw e; // handle() releases the claim
        } catch (RuntimeException e) {
            // Nothing reached SES yet: let the next delivery start afresh instead of taking this for
            // an attempt that may have sent.
            ledger.release(request.requestId());
            throw e;
        }
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        // From here on SES may have accepted the message: an exception other than a throttle or a
        // refusal leaves the claim pending, and the retry will not send again.
        String providerId = mail.send(prepared.inbound(), prepared.reply());
        Instant sentAt = clock.instant();
        boolean marked;
        try {
            marked = mail.markAutoReplied(prepared.inbound().messageId(), providerId, sentAt);
        } catch (RuntimeException e) {
            // The ledger's outcome, written next, is the record that counts; the mark is the second guard.
            marked = false;
        }
        ReplyComposer.Composed c = prepared.composed();
        return new ReplyOutcome(ReplyOutcome.Status.SENT, marked ? null : "inbound_not_marked", c.templateKey(),
                c.language(), c.experimentKey(), c.variant());
    }

    /** What {@link #answerMail} decided before sending: an outcome without sending, or the reply to send. */
    private record Prepared(ReplyOutcome outcome, InboundMail inbound, MailReply reply, ReplyComposer.Composed composed) {}

    private Prepared prepareMail(AutoReplyRequest request, boolean retry) {
        InboundMail inbound = mail.read(request.itemId())
                .orElseThrow(() -> new RejectedException("email_unknown_message"));
        if (inbound.autoRepliedAt() != null) {
            return new Prepared(ReplyOutcome.duplicate("found_on_channel"), inbound, null, null);
        }
        if (retry) {
            // SES cannot be read back: the attempt that left this claim may have sent the answer.
            // At most once: do not send again, ask a person to look.
            mail.flagForPerson(inbound.messageId(), "auto_reply_outcome_unknown", clock.instant());
            return new Prepared(ReplyOutcome.unknown("outcome_unknown"), inbound, null, null);
        }
        Optional<String> stop = guardrails.check(inbound);
        if (stop.isPresent()) {
            return new Prepared(ReplyOutcome.skipped(stop.get()), inbound, null, null);
        }
        if (inbound.caseNumber() == null || !inbound.caseNumber().matches("[0-9]{1,20}")) {
            throw new RejectedException("email_item_incomplete"); // the producer's contract: a case number to quote
        }
        Optional<ReplyComposer.Composed> reply = composer.compose(ReplyChannel.Kind.TICKET,
                List.of("ticket:" + request.intent()), LanguageChain.of(request.locale(), request.language()),
                new Placeholders(inbound.fromName(), settings.appName(), settings.articleLinks(), inbound.caseNumber()),
                request.requestId());
        if (reply.isEmpty()) {
            return new Prepared(ReplyOutcome.skipped("no_template"), inbound, null, null);
        }
        if (reply.get().text().length() > MAX_LENGTH.get(ReplyChannel.EMAIL)) {
            return new Prepared(ReplyOutcome.skipped("text_too_long"), inbound, null, null);
        }
        takeCap(ReplyChannel.EMAIL, inbound.app() == null || inbound.app().isBlank() ? "all" : inbound.app());
        MailReply out = new MailReply(MailSubject.reply(inbound.subject(), reply.get().language()), reply.get().text(),
                reply.get().language());
        return new Prepared(null, inbound, out, reply.get());
    }

    private void takeCap(ReplyChannel channel, String scope) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!caps.tryTake(channel.source(), scope, day, settings.capOf(channel))) {
            Duration untilTomorrow = Duration.between(now, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            throw new RateLimitedException(channel.source() + "_daily_cap", untilTomorrow);
        }
    }

    private static ReplyOutcome sent(ReplyComposer.Composed c) {
        return new ReplyOutcome(ReplyOutcome.Status.SENT, null, c.templateKey(), c.language(), c.experimentKey(),
                c.variant());
    }

    private static long parseTicketId(String itemId) {
        try {
            return Long.parseLong(itemId);
        } catch (NumberFormatException e) {
            throw new RejectedException("bad_ticket_id");
        }
    }
}
