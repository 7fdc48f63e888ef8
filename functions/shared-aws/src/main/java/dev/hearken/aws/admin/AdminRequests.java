package dev.hearken.aws.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator API's HTTP conventions: who is asking, which version a write is based on, and how objects and
 * refusals are answered.
 */
public final class AdminRequests {

    /** Answers {@link AdminRefusal}s; pass it to {@link HttpEndpoint#handle(String, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent, HttpEndpoint.Errors, HttpEndpoint.Handler)}. */
    public static final HttpEndpoint.Errors ERRORS = AdminRequests::refusal;

    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private AdminRequests() {}

    /**
     * The author of a change: the IAM principal API Gateway authorised. The routes are IAM-authorised, so a
     * deployed function always has one; a request without one (the local runtime, unsigned) is refused with 401
     * rather than recorded as anonymous.
     */
    public static String author(HttpEndpoint.Request request) {
        String caller = request.iamCaller();
        if (caller == null) {
            throw AdminRefusal.unauthenticated();
        }
        return caller;
    }

    /**
     * The version a write is based on: the {@code If-Match} header ({@code "3"}, {@code W/"3"}, or {@code *} for
     * {@link VersionedItems#ANY_VERSION whatever is there now}) or the body's
     * {@code version} field; empty when neither is given. Both given and different is a 400.
     */
    public static OptionalLong expectedVersion(HttpEndpoint.Request request, JsonNode body) {
        OptionalLong header = OptionalLong.empty();
        String ifMatch = request.header("if-match");
        if (ifMatch != null && ifMatch.strip().equals("*")) {
            header = OptionalLong.of(VersionedItems.ANY_VERSION);
        } else if (ifMatch != null) {
            Matcher m = ETAG.matcher(ifMatch);
            if (!m.matches()) {
                throw new BadRequestException("If-Match", "If-Match must be the version's entity tag, e.g. \"3\"");
            }
            header = OptionalLong.of(Long.parseLong(m.group(1)));
        }
        JsonNode field = body == null ? null : body.get("version");
        if (field == null || field.isNull()) {
            return header;
        }
        if (!field.canConvertToExactIntegral() || !field.canConvertToLong() || field.asLong() < 0) {
            throw new BadRequestException("version", "version must be a whole number ≥ 0");
        }
        if (header.isPresent() && header.getAsLong() != VersionedItems.ANY_VERSION && header.getAsLong() != field.asLong()) {
            throw new BadRequestException("version", "version and If-Match disagree");
        }
        return OptionalLong.of(field.asLong());
    }

    /** The version a write is based on; 428 when the request does not say. */
    public static long requiredVersion(HttpEndpoint.Request request, JsonNode body) {
        OptionalLong version = expectedVersion(request, body);
        if (version.isEmpty()) {
            throw AdminRefusal.versionRequired();
        }
        return version.getAsLong();
    }

    /** An object as JSON: its attributes plus {@code version}, {@code updatedAt}, {@code updatedBy}. */
    public static ObjectNode view(Versioned object) {
        ObjectNode view = AttributeJson.json(object.item());
        view.put("version", object.version());
        if (object.updatedAt() != null) {
            view.put("updatedAt", object.updatedAt().toString());
        }
        if (object.updatedBy() != null) {
            view.put("updatedBy", object.updatedBy());
        }
        return view;
    }

    /** An audit entry as JSON: {@code entity, at, author, action, version, before, after}. */
    public static ObjectNode view(AuditEntry entry) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("entity", entry.entity());
        view.put("at", entry.at().toString());
        view.put("author", entry.author());
        view.put("action", entry.action());
        view.put("version", entry.version());
        view.set("before", entry.before());
        view.set("after", entry.after());
        return view;
    }

    /** Audit entries as the history routes answer them: {@code {"items": […]}}, newest first. */
    public static Reply history(List<AuditEntry> entries) {
        return Reply.ok(Map.of("items", entries.stream().map(AdminRequests::view).toList()));
    }

    /** {@code status} with the object as body and its {@code ETag}. */
    public static Reply object(int status, Versioned object) {
        return new Reply(status, view(object), Map.of("etag", object.etag()));
    }

    /** The JSON answer to a refusal: {@code {"error","message","field"?,"currentVersion"?}}. */
    public static Reply reply(AdminRefusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.code());
        body.put("message", refusal.getMessage());
        if (refusal.field() != null) {
            body.put("field", refusal.field());
        }
        if (refusal.currentVersion() != null) {
            body.put("currentVersion", refusal.currentVersion());
        }
        return Reply.status(refusal.status(), body);
    }

    private static Optional<Reply> refusal(RuntimeException e) {
        return e instanceof AdminRefusal refusal ? Optional.of(reply(refusal)) : Optional.empty();
    }
}
