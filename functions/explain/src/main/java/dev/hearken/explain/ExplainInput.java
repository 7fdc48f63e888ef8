package dev.hearken.explain;

import java.util.Locale;

/**
 * One line of a {@code make explain} input file.
 *
 * @param id      the caller's id, echoed (the line number when absent)
 * @param text    what the user wrote (required)
 * @param subject ticket subject or review title, or {@code null}
 * @param locale  the requester's locale ({@code pt-BR}) or a review's language, or {@code null}
 * @param channel {@code email}, {@code webform}, {@code chat} or {@code review}; {@code email} when absent
 * @param rating  a review's stars 1–5, or {@code null}
 */
public record ExplainInput(String id, String text, String subject, String locale, String channel, Integer rating) {

    /** The channels a line may name. */
    public static final java.util.List<String> CHANNELS = java.util.List.of("email", "webform", "chat", "review");

    public ExplainInput {
        channel = channel == null || channel.isBlank() ? "email" : channel.toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("channel must be one of " + CHANNELS + ": " + channel);
        }
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1–5: " + rating);
        }
    }

    public boolean isReview() {
        return channel.equals("review");
    }

    /** Zendesk's {@code via.channel} for the channel, which routing rules may match. */
    String zendeskChannel() {
        return switch (channel) {
            case "webform" -> "web";
            case "chat" -> "chat";
            default -> "email";
        };
    }
}
