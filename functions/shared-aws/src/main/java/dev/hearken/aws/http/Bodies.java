package dev.hearken.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reading the body of an HTTP API event: base64 and strict UTF-8, and the size limit. */
final class Bodies {

    private Bodies() {}

    /**
     * The body as sent, decoding base64 when API Gateway encoded it; empty when absent. Bytes that are not UTF-8
     * are a 400, never silently replaced characters (a signature over the body would no longer match).
     */
    static String decode(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (!event.getIsBase64Encoded()) {
            return body;
        }
        if (body.length() > (HttpEndpoint.MAX_BODY_BYTES / 3 + 1) * 4) {
            // Larger than the limit once decoded: 413 without decoding it.
            return body;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(null, "body is not valid base64");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(null, "body is not valid UTF-8");
        }
    }

    /** Whether the body exceeds {@link HttpEndpoint#MAX_BODY_BYTES} in UTF-8. */
    static boolean tooLarge(String body) {
        // UTF-8 is at most 3 bytes per UTF-16 unit; only measure exactly near the limit.
        return body.length() > HttpEndpoint.MAX_BODY_BYTES
                || (body.length() * 3L > HttpEndpoint.MAX_BODY_BYTES
                        && body.getBytes(StandardCharsets.UTF_8).length > HttpEndpoint.MAX_BODY_BYTES);
    }
}
