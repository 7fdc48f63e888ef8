package dev.hearken.autoreply.domain;

import dev.hearken.reply.AutoReplyRequest;
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
 * there is the same text submitted twice, never two replies. A channel without read-back (SES
 * e-mail) would keep a real window between "sent" and "recorded".
 */
public final class AutoReplyService {

    private static final int CONFLICT_ATTEMPTS = 3;
    private static final Map<Channel, Integer> MAX_LENGTH = Map.of(
            Channel.GOOGLE_PLAY, 350, // "Replies of more than approximately 350 characters will be rejected"
            Channel.APP_STORE, 5970,
            Channel.ZENDESK, 65_000);

    private final ReplyComposer composer;
    private final ReplyLedger ledger;
    private final DailyCaps caps;
    private final TicketDesk tickets;
    private final Map<Channel, ReviewDesk> reviews;
    private final Guardrails guardrails;
    private final ReplySettings settings;
    private final Clock clock;

    public AutoReplyService(ReplyComposer composer, ReplyLedger ledger, DailyCaps caps, TicketDesk tickets,
            List<ReviewDesk> reviews, Guardrails guardrails, ReplySettings settings, Clock clock) {
        this.composer = composer;
        this.ledger = ledger;
        this.caps = caps;
        this.tickets = tickets;
        this.reviews = new java.util.EnumMap<>(Channel.class);
        reviews.forEach(d -> this.reviews.put(d.channel(), d));
        this.guardrails = guardrails;
        this.settings = settings;
        this.clock = clock;
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
        Channel channel = Channel.ofSource(request.source());
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
            if (now.isBefore(leaseEnd) || !ledger.takeOver(request.requestId(), claim.claimedAt().plusNanos(1), now)) {
                throw new RateLimitedException("in_flight",
                        now.isBefore(leaseEnd) ? Duration.between(now, leaseEnd) : settings.claimLease());
            }
        }
        ReplyOutcome outcome;
        try {
            outcome = channel.kind() == Channel.Kind.TICKET
                    ? answerTicket(request)
                    : answerReview(channel, request, retry);
        } catch (RateLimitedException | RejectedException | UpdateConflictException e) {
            // The channel answered "no" (or we never called it): nothing was posted, so the next
            // attempt may start afresh instead of waiting for the lease.
            ledger.release(request.requestId());
            throw e;
        }
        ledger.complete(request.requestId(), outcome, clock.instant());
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
            Optional<ReplyComposer.Composed> reply = composer.compose(Channel.Kind.TICKET,
                    List.of("ticket:" + request.intent()), LanguageChain.of(request.locale(), request.language()),
                    new Placeholders(ticket.requesterName(), settings.appName(), settings.articleLink(),
                            Long.toString(ticketId)),
                    request.requestId());
            if (reply.isEmpty()) {
                return ReplyOutcome.skipped("no_template");
            }
            if (!capTaken) {
                takeCap(Channel.ZENDESK, "all");
                capTaken = true;
            }
            Set<String> tags = new HashSet<>(settings.ticketTags());
            tags.add(ReplySettings.REPLIED_TAG);
            try {
                tickets.reply(ticket, reply.get().text(), settings.ticketStatus(), tags);
                return sent(reply.get());
            } catch (UpdateConflictException e) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                // An agent changed the ticket meanwhile: read it again and re-check everything.
            }
        }
    }

    private ReplyOutcome answerReview(Channel channel, AutoReplyRequest request, boolean retry) {
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
        Optional<ReplyComposer.Composed> reply = composer.compose(Channel.Kind.REVIEW, keys,
                LanguageChain.of(request.locale(), request.language()),
                new Placeholders(review.reviewerName(), settings.appName(), settings.articleLink(), null),
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

    private void takeCap(Channel channel, String scope) {
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
