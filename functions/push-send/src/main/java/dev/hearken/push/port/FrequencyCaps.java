package dev.hearken.push.port;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.message.Priority;
import java.util.List;

/**
 * Atomic per-user counters of messages per window. An implementation must never let concurrent callers
 * push a counter past a limit. Counting a message only once, however often it is retried, is the
 * caller's: the ledger remembers it ({@link SendLedger.Entry#capTaken}, {@link SendLedger#markCapTaken}).
 */
public interface FrequencyCaps {

    /**
     * Takes one slot in every window, all or nothing.
     *
     * @return {@code null} when taken, else the window that is full
     */
    CapWindow take(String userId, Priority priority, List<CapWindow> windows, CapLimits limits);
}
