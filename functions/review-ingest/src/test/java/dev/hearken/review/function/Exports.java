package dev.hearken.review.function;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Test profiles that switch the exported @Funq, as QUARKUS_FUNQY_EXPORT does per Lambda function. */
final class Exports {

    private Exports() {}

    public static final class AppFollow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "appfollow");
        }
    }

    public static final class Insights implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "insights");
        }
    }

    public static final class Admin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "admin");
        }
    }

    public static final class Poll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "poll");
        }
    }
}
