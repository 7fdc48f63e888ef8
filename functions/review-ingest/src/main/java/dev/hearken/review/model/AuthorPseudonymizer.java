package dev.hearken.review.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a reviewer's identity with {@code HMAC-SHA256(key, store + ":" + author)}, URL-safe base64
 * without padding, truncated to 128 bits. Distinct reviewers can be counted and a reviewer's edits
 * recognised without storing the name; without the key the pseudonym cannot be reversed by guessing
 * names. Rotating the key breaks distinct counts across the rotation — that is the trade-off.
 */
public final class AuthorPseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key the secret key, at least 16 bytes */
    public AuthorPseudonymizer(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The pseudonym of {@code author} in {@code store}, or {@code null} when there is no author. */
    public String pseudonym(Store store, String author) {
        if (author == null || author.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((store.code() + ":" + author.strip()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }
}
