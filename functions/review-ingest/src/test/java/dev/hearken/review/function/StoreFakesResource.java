package dev.hearken.review.function;

import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The App Store Connect and Google Play fakes, with the poller pointed at them and pages of 3 (as the fixtures). */
public class StoreFakesResource implements QuarkusTestResourceLifecycleManager {

    static AppStoreConnectFake appStore;
    static GooglePlayFake googlePlay;

    @Override
    public Map<String, String> start() {
        appStore = new AppStoreConnectFake();
        googlePlay = new GooglePlayFake();
        return Map.of(
                "hearken.review.appstore.base-url", appStore.baseUri().toString(),
                "hearken.review.appstore.page-size", "3",
                "hearken.review.googleplay.base-url", googlePlay.baseUri().toString(),
                "hearken.review.googleplay.token-url", googlePlay.tokenUrl(),
                "hearken.review.googleplay.page-size", "3");
    }

    @Override
    public void stop() {
        appStore.close();
        googlePlay.close();
    }
}
