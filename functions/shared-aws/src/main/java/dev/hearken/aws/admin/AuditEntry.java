package dev.hearken.aws.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change an operator (or the bootstrap) made, as the history routes return it.
 *
 * @param entity  what changed: {@code <kind>#<id>}, e.g. {@code routing-rule#privacy}
 * @param at      when
 * @param author  who: the IAM ARN API Gateway authorised, or {@code bootstrap}
 * @param action  {@code create}, {@code update}, {@code delete}, or a state change ({@code start}, {@code rollout}, …)
 * @param version the version the change produced (for a delete: one past the version deleted, so that entries
 *                sort in the order of the changes)
 * @param before  the item before, or {@code null} for a create
 * @param after   the item after, or {@code null} for a delete
 */
public record AuditEntry(String entity, Instant at, String author, String action, long version, JsonNode before,
        JsonNode after) {}
