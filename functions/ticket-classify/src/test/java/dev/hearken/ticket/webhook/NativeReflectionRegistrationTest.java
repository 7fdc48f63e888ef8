package dev.hearken.ticket.webhook;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.testing.NativeReflection;
import dev.hearken.ticket.config.TicketAdminBeans;
import dev.hearken.ticket.config.EscalationBeans;
import dev.hearken.ticket.config.TicketBeans;
import dev.hearken.ticket.domain.TicketDecisions;
import org.junit.jupiter.api.Test;

/** Every type Jackson binds by reflection in ticket-classify is registered for the native image. */
class NativeReflectionRegistrationTest {

    @Test
    void the_webhook_response_is_registered() {
        NativeReflection.assertRegistered(WebhookReflection.class, WebhookFunction.Accepted.class);
    }

    @Test
    void the_auto_reply_request_and_the_review_escalation_are_registered() {
        NativeReflection.assertRegistered(TicketBeans.class, AutoReplyRequest.class);
        NativeReflection.assertRegistered(EscalationBeans.class, ReviewEscalation.class);
    }

    @Test
    void the_operator_api_bodies_and_the_decisions_it_answers_are_registered() {
        NativeReflection.assertRegistered(TicketAdminBeans.class,
                NativeReflection.recordsIn("dev.hearken.ticket.admin", "RuleBody|VipBody"));
        NativeReflection.assertRegistered(TicketAdminBeans.class, TicketDecisions.class);
    }
}
