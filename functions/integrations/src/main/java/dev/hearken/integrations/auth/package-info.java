/**
 * Credentials for the external services: {@link dev.hearken.integrations.auth.JwtSigner} (the one ES256/RS256
 * signer) and {@link dev.hearken.integrations.auth.GoogleAccessTokens} (the one Google service-account token
 * source).
 *
 * <p>Why a hand-written signer and not nimbus-jose-jwt (10.10 is served by our mirror): nimbus reads PEM keys
 * only through its optional BouncyCastle dependency, so the PKCS#8 reader would stay JDK code anyway; the signing
 * itself is a dozen lines of JDK API ({@code SHA256withECDSAinP1363Format} yields JOSE's raw R||S directly, where
 * nimbus transcodes DER); and nimbus serialises its JSON with a Gson relocated into its own jar
 * ({@code com.nimbusds.jose.shaded.gson}), which neither Quarkus nor the GraalVM reachability metadata covers. The
 * JDK's {@code KeyFactory} and {@code Signature} need no native configuration and are what the functions already
 * ran natively. Likewise google-auth-library (served, but it brings google-http-client, Guava and reflective
 * JSON binding) is replaced by one small class.
 */
package dev.hearken.integrations.auth;
