package dev.hearken.ticket.domain;

import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import java.util.EnumSet;
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

    /**
     * The facts of an analysed text: each priority signal becomes its flag, and a privacy or legal intent does too —
     * the intent model and the priority rules are independent readings, either one is enough.
     *
     * @param vip whether the requester or the requester's organization is a VIP
     */
    public static Facts of(Analysis analysis, String channel, boolean vip) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (PrioritySignal signal : analysis.priority()) {
            flags.add(switch (signal) {
                case PRIVACY -> Flag.PRIVACY;
                case LEGAL -> Flag.LEGAL;
                case PAYMENT_FAILURE -> Flag.PAYMENT;
            });
        }
        if (analysis.intent() == Intent.PRIVACY_REQUEST) {
            flags.add(Flag.PRIVACY);
        } else if (analysis.intent() == Intent.LEGAL) {
            flags.add(Flag.LEGAL);
        }
        if (vip) {
            flags.add(Flag.VIP);
        }
        return new Facts(analysis.language(), analysis.intent().label(), analysis.intentConfidence(), channel,
                analysis.spam(), flags);
    }

    /** Whether any priority flag is set: then nothing automatic may answer the user. */
    public boolean isPriority() {
        return !flags.isEmpty();
    }
}
