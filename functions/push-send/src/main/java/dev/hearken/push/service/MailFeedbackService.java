package dev.hearken.push.service;

import dev.hearken.push.domain.MailFeedback;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.MailPreferences;
import dev.hearken.push.port.SealedRecipients;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SES bounce and complaint feedback → the user's {@code emailStatus}: a permanent bounce marks the address
 * {@code bounced}, a complaint {@code complained}; {@link EmailChannel#refusal} then never mails it again.
 * Transient and undetermined bounces change nothing (SES has already retried them; the next mail may arrive).
 *
 * <p>The user is found by the mail's recipient tag (a sealed user id, set at send time), never by looking the
 * address up; the status is written only while the user still has the address the mail went to, so a bounce of
 * an old address does not block the new one. Feedback that names no user of ours (no tag, a tag that does
 * not open) is ignored: retrying it could not help.
 */
public final class MailFeedbackService {

    private static final System.Logger LOG = System.getLogger(MailFeedbackService.class.getName());

    /** What one piece of feedback came to. */
    public enum Outcome {
        /** The address's status was set. */
        MARKED,
        /** Nothing to do for this kind of feedback. */
        IGNORED,
        /** The mail carried no recipient tag of ours. */
        UNATTRIBUTED,
        /** The user is gone or has another address now: nothing changed. */
        STALE
    }

    private final SealedRecipients recipients;
    private final MailPreferences preferences;

    public MailFeedbackService(SealedRecipients recipients, MailPreferences preferences) {
        this.recipients = recipients;
        this.preferences = preferences;
    }

    /**
     * One record of the feedback queue: reads it and applies it. The batch trigger reports a failed record
     * without logging it, so this logs every record: record and SES message ids, kind and outcome only — no
     * address, no user id, no tag.
     *
     * @param recordId the queue's message id, for the logs
     * @param feedback reads the record's body; throws when it is not SES feedback (the record then fails until
     *                 it is dead-lettered; the exception's message must not quote the body)
     */
    public Outcome handle(String recordId, Supplier<MailFeedback> feedback) {
        MailFeedback event;
        try {
            event = feedback.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "record {0} rejected: {1} (fails until it is dead-lettered)", recordId,
                    e.getMessage());
            throw e;
        }
        Outcome outcome;
        try {
            outcome = apply(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "record {0} ({1}) failed: {2}", recordId, event.kind(),
                    e.getClass().getName());
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "record {0}: {1} of SES message {2} → {3}", recordId, event.kind(),
                event.messageId(), outcome);
        return outcome;
    }

    /** Applies {@code feedback}. Throws only when the store fails (the record is then retried). */
    public Outcome apply(MailFeedback feedback) {
        UserProfile.EmailStatus status = switch (feedback.kind()) {
            case PERMANENT_BOUNCE -> UserProfile.EmailStatus.BOUNCED;
            case COMPLAINT -> UserProfile.EmailStatus.COMPLAINED;
            case TRANSIENT_BOUNCE, UNDETERMINED_BOUNCE, OTHER -> null;
        };
        if (status == null) {
            return Outcome.IGNORED;
        }
        Optional<String> user = feedback.recipientTag() == null ? Optional.empty()
                : recipients.userIdOfTag(feedback.recipientTag());
        if (user.isEmpty()) {
            return Outcome.UNATTRIBUTED;
        }
        boolean marked = false;
        for (String address : feedback.addresses()) {
            marked |= preferences.markEmail(user.get(), address, status);
        }
        return marked ? Outcome.MARKED : Outcome.STALE;
    }
}
