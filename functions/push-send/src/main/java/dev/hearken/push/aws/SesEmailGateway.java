package dev.hearken.push.aws;

import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.port.EmailGateway;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.AccountSendingPausedException;
import software.amazon.awssdk.services.ses.model.ConfigurationSetSendingPausedException;
import software.amazon.awssdk.services.ses.model.MessageTag;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * E-mail through SES {@code SendRawEmail} (the v1 API the Quarkiverse {@code SesClient} speaks).
 *
 * <p>Raw rather than {@code SendEmail} because {@code SendEmail} cannot set headers, and the one-click
 * unsubscribe headers (RFC 8058) are what mailbox providers require of bulk senders; the message is
 * written by {@link RawMime}.
 *
 * <p>Answers, classified for the worker: accepted → sent; throttling ({@code Throttling}, "Maximum
 * sending rate exceeded"), 5xx, a paused account or configuration set, and transport failures → retry
 * after {@code retryAfter} (the SDK has already retried throttling a few times with back-off);
 * {@code MessageRejected} and every other 4xx → rejected (to the DLQ with the reason: retrying cannot
 * help); an address we refuse to write into a header → the recipient is unreachable (recorded failed).
 * See https://docs.aws.amazon.com/ses/latest/APIReference/API_SendRawEmail.html#API_SendRawEmail_Errors.
 *
 * <p>Feedback: with a configuration set ({@code hearken.mail.configuration-set}) every mail is sent through it,
 * so SES publishes its bounces and complaints (event destination → SNS → the mail-feedback queue), and carries
 * the message tag {@value SesFeedbackJson#RECIPIENT_TAG} = the recipient's user id sealed by
 * {@code UnsubscribeTokens#recipientTag}. Tags, not the address, name the user in the feedback: SES publishes
 * a configuration set's tags with every event, tags are visible to the AWS account only (never to the
 * recipient, unlike a header), and a sealed id reads as nothing in SNS, SQS, a DLQ or a log.
 */
public final class SesEmailGateway implements EmailGateway {

    private static final System.Logger LOG = System.getLogger(SesEmailGateway.class.getName());

    private final SesClient ses;
    private final String from;
    private final String fromName;
    private final Duration retryAfter;
    private final Clock clock;
    private final String configurationSet;
    private final Function<String, Optional<String>> recipientTag;

    /** A gateway without configuration set or recipient tag (no feedback). */
    public SesEmailGateway(SesClient ses, String from, String fromName, Duration retryAfter, Clock clock) {
        this(ses, from, fromName, retryAfter, clock, null, userId -> Optional.empty());
    }

    /**
     * @param from       sender address on the verified SES identity ({@code HEARKEN_MAIL_FROM})
     * @param fromName   display name, or {@code null}
     * @param retryAfter how long a throttled or failed send waits before its retry
     * @param configurationSet SES configuration set every mail is sent through, or {@code null}
     * @param recipientTag     user id → the value of the recipient tag (empty: no tag)
     */
    public SesEmailGateway(SesClient ses, String from, String fromName, Duration retryAfter, Clock clock,
            String configurationSet, Function<String, Optional<String>> recipientTag) {
        this.ses = ses;
        this.from = from;
        this.fromName = fromName;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
        this.recipientTag = recipientTag;
    }

    @Override
    public ProviderOutcome send(Email email) {
        String mime;
        try {
            mime = RawMime.write(email, from, fromName, ZonedDateTime.now(clock));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "e-mail for program {0} not written: {1}", email.program(), e.getMessage());
            return new ProviderOutcome.DeadToken("ses:invalid-address");
        }
        try {
            SendRawEmailRequest.Builder request = SendRawEmailRequest.builder()
                    .destinations(email.to())
                    .rawMessage(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.US_ASCII)));
            if (configurationSet != null) {
                request.configurationSetName(configurationSet);
            }
            Optional<String> tag = email.userId() == null ? Optional.empty() : recipientTag.apply(email.userId());
            if (tag.isPresent()) {
                request.tags(MessageTag.builder().name(SesFeedbackJson.RECIPIENT_TAG).value(tag.get()).build());
            } else if (configurationSet != null) {
                // Still sent: the mail is wanted, only its feedback cannot be attributed (see MailFeedbackService).
                LOG.log(System.Logger.Level.WARNING, "e-mail for program {0} sent without a recipient tag", email.program());
            }
            String id = ses.sendRawEmail(request.build()).messageId();
            return new ProviderOutcome.Sent(id);
        } catch (AccountSendingPausedException | ConfigurationSetSendingPausedException paused) {
            // An operator resumes sending; until then the messages wait in the queue (then the DLQ).
            return new ProviderOutcome.Retry("ses:" + code(paused), retryAfter);
        } catch (SesException e) {
            String code = code(e);
            if (e.isThrottlingException() || "Throttling".equals(code) || e.statusCode() >= 500) {
                return new ProviderOutcome.Retry("ses:" + code, retryAfter);
            }
            return new ProviderOutcome.Rejected("ses:" + code);
        } catch (SdkClientException e) {
            return new ProviderOutcome.Retry("ses:transport", retryAfter);
        }
    }

    private static String code(SesException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null ? code : Integer.toString(e.statusCode());
    }
}
