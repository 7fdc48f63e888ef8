package dev.hearken.push.domain;

import dev.hearken.push.message.Priority;
import java.util.OptionalInt;

/**
 * Frequency caps across all programs, per user, with priority. One counter per window counts every
 * push the user got (transactional included); a message may take the next slot only while the
 * counter is below its priority's limit. Giving promotional a lower limit than lifecycle is what
 * makes lifecycle beat promotional: promotions stop early and leave the remaining slots to lifecycle
 * messages. Transactional messages have no limit.
 *
 * @param lifecyclePerDay    pushes a day after which lifecycle messages are capped
 * @param promotionalPerDay  pushes a day after which promotional messages are capped (≤ lifecycle)
 * @param lifecyclePerWeek   pushes a week after which lifecycle messages are capped
 * @param promotionalPerWeek pushes a week after which promotional messages are capped (≤ lifecycle)
 */
public record CapLimits(int lifecyclePerDay, int promotionalPerDay, int lifecyclePerWeek, int promotionalPerWeek) {

    public CapLimits {
        if (promotionalPerDay > lifecyclePerDay || promotionalPerWeek > lifecyclePerWeek) {
            throw new IllegalArgumentException("promotional limits must not exceed lifecycle limits");
        }
        if (promotionalPerDay < 0 || promotionalPerWeek < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** The limit of {@code priority} in a {@code kind} window; empty for transactional (never capped). */
    public OptionalInt limit(Priority priority, CapWindow.Kind kind) {
        return switch (priority) {
            case TRANSACTIONAL -> OptionalInt.empty();
            case LIFECYCLE -> OptionalInt.of(kind == CapWindow.Kind.DAY ? lifecyclePerDay : lifecyclePerWeek);
            case PROMOTIONAL -> OptionalInt.of(kind == CapWindow.Kind.DAY ? promotionalPerDay : promotionalPerWeek);
        };
    }

    /** Whether a message of {@code priority} may take a slot in a window already holding {@code count}. */
    public boolean allows(Priority priority, CapWindow.Kind kind, long count) {
        OptionalInt limit = limit(priority, kind);
        return limit.isEmpty() || count < limit.getAsInt();
    }
}
