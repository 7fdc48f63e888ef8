package dev.hearken.integrations;

import dev.hearken.integrations.apns.ApnsPayload;
import dev.hearken.integrations.apns.ApnsProviderTokens;
import dev.hearken.integrations.appstore.AppStoreResources;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.auth.GoogleServiceAccount;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.testing.NativeReflection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every document the store, push and token clients read or write with Jackson is registered for the native image.
 * These records carry {@code @RegisterForReflection} themselves, so there is no registration class; the pages the
 * clients build in code (never bound by Jackson) are not roots. Zendesk: {@code ZendeskReflectionTest}.
 */
class NativeRegistrationTest {

    @Test
    void the_store_documents_and_credentials_are_registered() {
        NativeReflection.assertRegistered(List.of(), AppStoreResources.AppStoreKey.class,
                AppStoreResources.CustomerReviewDocument.class, AppStoreResources.ResponseDocument.class,
                AppStoreResources.ErrorDocument.class, GooglePlayResources.Review.class,
                GooglePlayResources.TokenPagination.class, GooglePlayResources.ReplyRequest.class,
                GooglePlayResources.ReplyResponse.class, GoogleServiceAccount.class,
                GoogleAccessTokens.TokenResponse.class);
    }

    @Test
    void the_push_payloads_and_keys_are_registered() {
        NativeReflection.assertRegistered(List.of(), ApnsPayload.class, ApnsProviderTokens.ApnsKey.class);
        NativeReflection.assertRegistered(List.of(), NativeReflection.recordsIn("dev.hearken.integrations.fcm", "FcmMessage"));
    }
}
