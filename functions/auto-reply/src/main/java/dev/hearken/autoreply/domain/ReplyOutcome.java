package dev.hearken.autoreply.domain;

/**
 * What happened to a request.
 *
 * @param status        what was done
 * @param reason        why it was skipped ({@code priority_tag:vip}, {@code agent_answered}, …), else {@code null}
 * @param templateKey   the template used, else {@code null}
 * @param language      the language of the text sent, else {@code null}
 * @param experimentKey the experiment that chose the text, else {@code null}
 * @param variant       the variation sent, else {@code null}
 */
public record ReplyOutcome(Status status, String reason, String templateKey, String language, String experimentKey,
        String variant) {

    public enum Status {
        /** The reply was posted now. */
        SENT,
        /** Guardrails or the catalogue said no; recorded, never retried. */
        SKIPPED,
        /** The request was already done (re-delivery, or an earlier attempt's reply found on the channel). */
        DUPLICATE,
        /**
         * An earlier attempt claimed the reply and never recorded what happened, on a channel that cannot
         * be read back (e-mail): it may have been sent, so it is not sent again and a person is asked to look.
         */
        UNKNOWN
    }

    public static ReplyOutcome skipped(String reason) {
        return new ReplyOutcome(Status.SKIPPED, reason, null, null, null, null);
    }

    public static ReplyOutcome unknown(String reason) {
        return new ReplyOutcome(Status.UNKNOWN, reason, null, null, null, null);
    }

    public static ReplyOutcome duplicate(String reason) {
        return new ReplyOutcome(Status.DUPLICATE, reason, null, null, null, null);
    }
}
