package dev.hearken.review.poll;

import java.time.Instant;

/**
 * Where polling one app in one store stands.
 *
 * @param key      {@code <store>#<appId>}
 * @param newest   the newest review of the last completed sweep: the next sweep stops there; {@code null} before
 *                 the first one
 * @param resume   where an interrupted sweep continues (a page link or token), or {@code null}
 * @param sweepTop the newest review seen by the interrupted sweep, becoming {@code newest} when it completes
 * @param notBefore no call before this instant (after a 429), or {@code null}
 */
public record Cursor(String key, Position newest, String resume, Position sweepTop, Instant notBefore) {

    static Cursor empty(String key) {
        return new Cursor(key, null, null, null, null);
    }
}
