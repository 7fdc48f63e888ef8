package dev.hearken.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.integrations.apns.ApnsPayload;
import dev.hearken.integrations.apns.ApnsProviderTokens;
import dev.hearken.integrations.appstore.AppStoreResources;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.auth.GoogleServiceAccount;
import dev.hearken.integrations.fcm.FcmMessage;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every record Jackson reads or writes in a client is registered for reflection, or a native image would bind it
 * to nothing. The page records the clients build themselves are the only exceptions.
 */
class NativeRegistrationTest {

    private static final Set<String> BUILT_BY_CODE = Set.of("ListedCustomerReview", "CustomerReviewsPage",
            "ListedReview", "ReviewsPage");

    @Test
    void every_wire_record_is_registered_for_reflection() {
        List<Class<?>> records = new ArrayList<>(List.of(GoogleServiceAccount.class, FcmMessage.class, ApnsPayload.class));
        for (Class<?> holder : List.of(AppStoreResources.class, GooglePlayResources.class, FcmMessage.class,
                ApnsPayload.class, GoogleAccessTokens.class, ApnsProviderTokens.class)) {
            Arrays.stream(holder.getDeclaredClasses()).filter(Class::isRecord)
                    .filter(c -> !BUILT_BY_CODE.contains(c.getSimpleName()))
                    .filter(c -> !c.getSimpleName().equals("Token"))
                    .forEach(records::add);
        }

        assertThat(records).hasSizeGreaterThan(20);
        assertThat(records).allSatisfy(c -> assertThat(c.isAnnotationPresent(RegisterForReflection.class))
                .as(c.getName() + " is registered for reflection").isTrue());
    }
}
