package dev.hearken.push.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What erasing a user removed.
 *
 * @param userId      the user
 * @param erased      items deleted per store (table name without the deployment prefix), in the order erased; 0 for
 *                    a store that held nothing (again) — an erasure repeated reports zeros
 * @param notLinkable stores that may hold the person's data but not under this user id, so nothing there can be
 *                    found by it ({@link ErasurePlan#NOT_LINKABLE} says why for each)
 */
public record ErasureReport(String userId, Map<String, Integer> erased, List<String> notLinkable) {

    public ErasureReport {
        erased = Collections.unmodifiableMap(new LinkedHashMap<>(erased)); // keeps the erasure order
        notLinkable = List.copyOf(notLinkable);
    }
}
