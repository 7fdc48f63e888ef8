package dev.hearken.push.provider;

import dev.hearken.integration.ServiceException;
import dev.hearken.push.domain.ProviderOutcome;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One send through a provider client: its answer classified by the caller, no answer at all (transport failure,
 * no access token) a {@link ProviderOutcome.Retry} after {@code defaultRetry} — the gateways never throw for a
 * provider's trouble.
 */
final class ProviderCall {

    private ProviderCall() {
    }

    static <R> ProviderOutcome send(String provider, Duration defaultRetry, Supplier<R> call,
            Function<R, ProviderOutcome> classify) {
        R answer;
        try {
            answer = call.get();
        } catch (ServiceException e) {
            return new ProviderOutcome.Retry(provider + ":transport:" + e.code(), defaultRetry);
        } catch (IllegalStateException e) {
            return new ProviderOutcome.Retry(provider + ":transport:" + e.getClass().getSimpleName(), defaultRetry);
        }
        return classify.apply(answer);
    }
}
