package dev.hearken.integration;

/**
 * A rate budget shared by every instance of every function that calls one external account (a Zendesk account, an
 * App Store Connect key, a Play app, an FCM project, an APNs topic), so that the whole system stays under the
 * provider's documented limit instead of each instance pacing itself alone. A client takes one unit before each
 * call; when the budget is spent it gets a {@link RateLimitedException} with the wait until units return, exactly
 * as if the provider had answered 429, and the caller's one way of waiting applies.
 */
@FunctionalInterface
public interface RateBudget {

    /** No shared budget: every call goes through (tests, and accounts with no documented limit). */
    RateBudget UNLIMITED = (service, budget, account) -> {};

    /**
     * Takes one unit of {@code budget} of {@code account} now.
     *
     * @param service the service name, as in the exceptions ({@code zendesk})
     * @param budget  which of the service's limits ({@code requests}, {@code ticket-updates})
     * @param account the account the limit counts against ({@code acme.zendesk.com}, a Play package name)
     * @throws RateLimitedException when the budget is spent, with the wait until it refills
     */
    void take(String service, String budget, String account);
}
