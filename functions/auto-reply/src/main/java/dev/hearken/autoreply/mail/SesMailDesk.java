package dev.hearken.autoreply.mail;

import dev.hearken.autoreply.aws.DynamoDbInboundMail;
import dev.hearken.autoreply.domain.MailDesk;
import dev.hearken.autoreply.domain.MailReply;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.reply.InboundMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * {@link MailDesk} over the {@code inbound-mail} table and SES {@code SendRawEmail} (raw, because
 * {@code SendEmail} cannot set {@code In-Reply-To}, {@code References} or {@code Auto-Submitted}).
 *
 * <p>SES errors (<a href="https://docs.aws.amazon.com/ses/latest/APIReference/API_SendRawEmail.html">SendRawEmail</a>,
 * <a href="https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html">quota errors</a>):
 * {@code Throttling} — the sending rate ("Maximum sending rate exceeded") or the rolling 24-hour quota
 * ("Daily message quota exceeded") — means later; SES sends no Retry-After, so a second for the rate
 * and an hour for the quota. {@code MessageRejected} (e.g. a virus or an unverified address),
 * {@code MailFromDomainNotVerified}, {@code ConfigurationSetDoesNotExist} and {@code AccountSendingPaused}
 * cannot succeed by retrying: the request goes to the DLQ with the reason. A paused account is an
 * operator's decision (often after a bounce-rate review) that takes hours or days to lift, longer
 * than the queue's retries, so its requests wait in the DLQ for a redrive rather than burning
 * receives. Other failures (5xx, timeouts) may or may not have sent the message and are left to the
 * caller's at-most-once rule.
 */
public final class SesMailDesk implements MailDesk {

    static final Duration RATE_BACKOFF = Duration.ofSeconds(1);
    static final Duration QUOTA_BACKOFF = Duration.ofHours(1);
    private static final Set<String> THROTTLING = Set.of("throttling", "throttlingexception", "toomanyrequestsexception");
    private static final Set<String> REFUSED = Set.of("messagerejected", "mailfromdomainnotverifiedexception",
            "mailfromdomainnotverified", "configurationsetdoesnotexist", "configurationsetdoesnotexistexception",
            "accountsendingpausedexception", "accountsendingpaused", "configurationsetsendingpausedexception",
            "invalidparametervalue");

    private final DynamoDbInboundMail inbound;
    private final SesClient ses;
    private final MimeReply.Sender sender;
    private final Clock clock;

    public SesMailDesk(DynamoDbInboundMail inbound, SesClient ses, MimeReply.Sender sender, Clock clock) {
        this.inbound = inbound;
        this.ses = ses;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public Optional<InboundMail> read(String messageId) {
        return inbound.read(messageId);
    }

    @Override
    public String send(InboundMail to, MailReply reply) {
        String mime;
        try {
            mime = MimeReply.build(sender, new MimeReply.Original(to.fromAddress(), to.fromName(), to.rfcMessageId(),
                    to.references()), reply, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new RejectedException("email_unsendable_address");
        }
        try {
            return ses.sendRawEmail(b -> b.source(sender.address())
                    .destinations(to.fromAddress())
                    .rawMessage(r -> r.data(SdkBytes.fromUtf8String(mime)))).messageId();
        } catch (SesException e) {
            throw translate(e);
        }
    }

    /** What an SES error means for the request: later, never, or (unchanged) an unknown outcome. */
    static RuntimeException translate(SesException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode().toLowerCase(Locale.ROOT);
        if (THROTTLING.contains(code) || e.statusCode() == 429) {
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? ""
                    : e.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
            return new RateLimitedException("email", message.contains("quota") ? QUOTA_BACKOFF : RATE_BACKOFF);
        }
        if (REFUSED.contains(code)) {
            return new RejectedException("ses_" + code.replace("exception", ""));
        }
        return e;
    }

    @Override
    public boolean markAutoReplied(String messageId, String providerMessageId, Instant at) {
        return inbound.markAutoReplied(messageId, providerMessageId, at);
    }

    @Override
    public void flagForPerson(String messageId, String reason, Instant at) {
        inbound.flagForPerson(messageId, reason, at);
    }
}
