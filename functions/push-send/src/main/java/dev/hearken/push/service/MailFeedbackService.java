package dev.hearken.push.service;

import dev.hearken.push.domain.MailFeedback;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.MailPreferences;
import dev.hearken.push.port.SealedRecipients;
import java.util.Optional;

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
