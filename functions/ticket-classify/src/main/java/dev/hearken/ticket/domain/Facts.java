package dev.hearken.ticket.domain;

import java.util.Set;

/**
 * What the worker knows about a ticket when it routes it.
 *
 * @param language         ISO 639-1 ({@code und} when undetermined)
 * @param intent           intent label ({@code how_to})
 * @param intentConfidence confidence of the intent in [0, 1]
 * @param channel          Zendesk {@code via.channel}
 * @param spam             whether the understanding library considers it spam
 * @param flags            priority flags (privacy, legal, payment from the text; VIP from the directory and organization tags)
 */
public record Facts(String language, String intent, double intentConfidence, String channel, boolean spam,
        Set<Flag> flags) {

    public Facts {
        flags = Set.copyOf(flags);
    }

    /** Whether any priority flag is set: then nothing automatic may answer the user. */
    public boolean isPriority() {
        return !flags.isEmpty();
    }
}
