package dev.hearken.integrations.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens signed by {@link JwtSigner} verify with the JDK's public key and carry the header and claims given. */
class JwtSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_es256_token_has_a_raw_r_s_signature_that_verifies_with_the_public_key() throws Exception {
        KeyPair keys = ecKeys();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", "2X9R4HXF34");
        header.put("typ", "JWT");

        String jwt = JwtSigner.sign(JwtSigner.Algorithm.ES256, header,
                Map.of("iss", "57246542-96fe-1a63-e053-0824d011072a", "iat", 1736330000L), keys.getPrivate());

        String[] parts = jwt.split("\\.");
        assertThat(decode(parts[0]).path("alg").asText()).isEqualTo("ES256");
        assertThat(decode(parts[0]).path("kid").asText()).isEqualTo("2X9R4HXF34");
        assertThat(decode(parts[1]).path("iat").asLong()).isEqualTo(1736330000L);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64); // raw R||S (JOSE), not DER
        assertThat(verifies("SHA256withECDSAinP1363Format", keys, parts)).isTrue();
    }

    @Test
    void an_rs256_token_verifies_with_the_public_key_and_a_changed_claim_does_not() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();

        String jwt = JwtSigner.sign(JwtSigner.Algorithm.RS256, Map.of("typ", "JWT"),
                Map.of("iss", "svc@proj.iam.gserviceaccount.com", "aud", "https://oauth2.googleapis.com/token"),
                keys.getPrivate());

        String[] parts = jwt.split("\\.");
        assertThat(decode(parts[0]).path("alg").asText()).isEqualTo("RS256");
        assertThat(decode(parts[1]).path("iss").asText()).isEqualTo("svc@proj.iam.gserviceaccount.com");
        assertThat(verifies("SHA256withRSA", keys, parts)).isTrue();
        String[] tampered = {parts[0], Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8)), parts[2]};
        assertThat(verifies("SHA256withRSA", keys, tampered)).isFalse();
    }

    @Test
    void a_pkcs8_pem_key_is_read_and_a_missing_or_other_one_is_refused_without_quoting_it() throws Exception {
        byte[] der = ecKeys().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(JwtSigner.privateKey(pem, JwtSigner.Algorithm.ES256).getEncoded()).isEqualTo(der);
        assertThatThrownBy(() -> JwtSigner.privateKey("not-a-key-SECRET", JwtSigner.Algorithm.RS256))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> JwtSigner.privateKey(null, JwtSigner.Algorithm.ES256))
                .isInstanceOf(IllegalStateException.class).hasMessage("no EC private key is configured");
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static boolean verifies(String algorithm, KeyPair keys, String[] parts) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
