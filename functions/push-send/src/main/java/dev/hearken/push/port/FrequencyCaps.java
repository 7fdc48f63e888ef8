package dev.hearken.push.port;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.message.Priority;
import java.util.List;

/**
 * Atomic per-user counters of pushes per window. An implementation must never let concurrent callers
 * push a counter past a limit, and must count one idempotency key at most once.
 */
public interface FrequencyCaps {

    /**
     * Takes one slot in every window for the message {@code idempotencyKey}, all or nothing.
     *
     * @return {@code null} when taken (or already taken earlier for this key), else the window that is full
     */
    CapWindow take(String userId, String idempotencyKey, Priority priority, List<CapWindow> windows, CapLimits limits);
}
