package dev.hearken.autoreply.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.store.GoogleOAuthApi;
import dev.hearken.autoreply.store.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code Authorization} headers for the stores, from their Secrets Manager secrets, cached per
 * instance: App Store Connect's own ES256 JWT (re-signed a minute before its 15-minute life ends) and
 * Google's OAuth access token (refreshed a minute before {@code expires_in}).
 */
public final class StoreCredentials {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private StoreCredentials() {}

    /** Bearer for App Store Connect from {@code {"issuerId","keyId","privateKey"}}. */
    public static Supplier<String> appStore(SecretsManagerClient secrets, String secretId, ObjectMapper json, Clock clock) {
        return new Cached(clock) {
            @Override
            Token fetch(Instant now) {
                JsonNode s = read(secrets, secretId, json);
                PrivateKey key = Jwts.privateKey(s.path("privateKey").asText(), "EC");
                String jwt = Jwts.appStore(s.path("issuerId").asText(), s.path("keyId").asText(), key, now);
                return new Token("Bearer " + jwt, now.plusSeconds(Jwts.APP_STORE_LIFETIME_SECONDS));
            }
        };
    }

    /** Bearer for Google Play from a service-account key file, exchanged at {@code tokenUri}. */
    public static Supplier<String> googlePlay(SecretsManagerClient secrets, String secretId, ObjectMapper json,
            GoogleOAuthApi oauth, String tokenUri, Clock clock) {
        return new Cached(clock) {
            @Override
            Token fetch(Instant now) {
                JsonNode s = read(secrets, secretId, json);
                PrivateKey key = Jwts.privateKey(s.path("private_key").asText(), "RSA");
                String assertion = Jwts.google(s.path("client_email").asText(), s.path("private_key_id").asText(null),
                        tokenUri, key, now);
                JsonNode token = oauth.token(GoogleOAuthApi.GRANT_TYPE, assertion);
                return new Token("Bearer " + token.path("access_token").asText(),
                        now.plusSeconds(token.path("expires_in").asLong(3600)));
            }
        };
    }

    private static JsonNode read(SecretsManagerClient secrets, String secretId, ObjectMapper json) {
        try {
            return json.readTree(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
        } catch (IOException e) {
            throw new UncheckedIOException("secret " + secretId + " is not JSON", e);
        }
    }

    private record Token(String header, Instant expires) {}

    private abstract static class Cached implements Supplier<String> {
        private final Clock clock;
        private Token token;

        Cached(Clock clock) {
            this.clock = clock;
        }

        abstract Token fetch(Instant now);

        @Override
        public synchronized String get() {
            Instant now = clock.instant();
            if (token == null || !now.isBefore(token.expires().minus(MARGIN))) {
                token = fetch(now);
            }
            return token.header();
        }
    }
}
