package dev.hearken.ticket.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The webhook's response record, which Jackson writes by reflection outside Funqy's own signatures: a native image
 * keeps its accessors only when registered ({@code WebhookReflectionTest} fails when a reachable type is missing).
 */
@RegisterForReflection(targets = WebhookFunction.Accepted.class)
final class WebhookReflection {

    private WebhookReflection() {}
}
