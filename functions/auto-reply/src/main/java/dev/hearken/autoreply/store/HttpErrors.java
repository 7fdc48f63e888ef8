package dev.hearken.autoreply.store;

import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.ServiceException;
import java.util.function.Supplier;

/**
 * How a store client's error becomes auto-reply's outcome: rate limited stays rate limited (the record waits), a 4xx
 * that cannot succeed (404, 409 and the others but 408) is rejected as {@code <channel>_<status>}, the rest
 * (5xx, 408, no answer) fails the record for a retry.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    static <T> T call(String channel, Supplier<T> request) {
        try {
            return request.get();
        } catch (NotFoundException e) {
            throw new RejectedException(channel + "_404");
        } catch (ConflictException e) {
            throw new RejectedException(channel + "_409");
        } catch (ServiceException e) {
            if (e.permanent()) {
                throw new RejectedException(channel + "_" + e.status());
            }
            throw e;
        }
    }
}
