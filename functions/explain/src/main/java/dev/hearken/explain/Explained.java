package dev.hearken.explain;

import java.util.List;

/**
 * What Hearken would decide for one input, in the order of {@code make explain}'s output.
 *
 * @param id               the input's id
 * @param language         detected ISO 639-1 language ({@code und} when undetermined)
 * @param intent           intent label
 * @param intentConfidence confidence of the intent
 * @param flags            priority flags ({@code privacy}, {@code legal}, {@code payment}; {@code vip} never, as no
 *                         directory is read offline)
 * @param spam             whether it is spam
 * @param group            the Zendesk group a ticket is routed to, or {@code null} (always for reviews)
 * @param tags             the tags a ticket gets (empty for reviews)
 * @param autoReply        whether it would be handed to auto-reply
 * @param autoReplyReason  why or why not
 * @param reasons          every reason: understanding's rules and scores, routing, the reply decision
 */
public record Explained(String id, String language, String intent, double intentConfidence, List<String> flags,
        boolean spam, Long group, List<String> tags, boolean autoReply, String autoReplyReason, List<String> reasons) {
}
