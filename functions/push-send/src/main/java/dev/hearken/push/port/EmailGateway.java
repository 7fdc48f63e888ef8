package dev.hearken.push.port;

import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.ProviderOutcome;

/** Sends one e-mail (SES). */
public interface EmailGateway {

    /**
     * Never throws for provider answers: accepted → {@link ProviderOutcome.Sent}, throttled or
     * unavailable → {@link ProviderOutcome.Retry}, refused for good → {@link ProviderOutcome.Rejected}.
     */
    ProviderOutcome send(Email email);
}
