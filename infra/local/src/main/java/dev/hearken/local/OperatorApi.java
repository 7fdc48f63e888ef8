package dev.hearken.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A client of Hearken's IAM-authorised HTTP API (the operator API, {@code /admin/...}), signing every request with
 * SigV4 for {@code execute-api} as API Gateway's {@code AWS_IAM} authoriser requires. Credentials come from the
 * SDK's default chain (environment, profile, SSO, instance role), so the same client talks to a deployed stack
 * and, with the emulator's test credentials, to the local runtime.
 */
public final class OperatorApi {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI base;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param base   the API's base URL (the stack output {@code HttpApiUrl}, or the local gateway)
     * @param region the stack's region, part of the signature
     */
    public OperatorApi(URI base, String region, AwsCredentialsProvider credentials) {
        this.base = base;
        this.region = region;
        this.credentials = credentials;
    }

    /** One answer: status and body. */
    public record Response(int status, String body) {}

    /** Sends {@code method path} with a JSON {@code body} (or none), signed. */
    public Response send(String method, String path, String body) {
        // Relative to the base, so that a base with a path (a custom domain mapping) keeps it.
        URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (body != null) {
            request.putHeader("content-type", "application/json");
        }
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(v -> out.header(header.getKey(), v));
            }
        }
        try {
            HttpResponse<String> response = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
