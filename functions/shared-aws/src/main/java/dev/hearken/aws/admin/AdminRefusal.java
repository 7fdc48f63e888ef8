package dev.hearken.aws.admin;

/**
 * An operator request refused for a reason the caller can act on, answered as JSON with its status:
 * 401 (no authenticated caller), 404, 409 (a stale version, or an object that already exists), 428 (an update
 * without the version it was based on), or 409/400 for an action the object's state does not allow.
 */
public final class AdminRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Long currentVersion;

    private AdminRefusal(int status, String code, String message, String field, Long currentVersion) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.currentVersion = currentVersion;
    }

    /** 409: the object changed since the caller read version {@code expected}; it is now at {@code current}. */
    public static AdminRefusal staleVersion(String id, long expected, long current) {
        return new AdminRefusal(409, "version_conflict", id + " is at version " + current + ", not " + expected
                + "; read it again and re-apply the change", "version", current);
    }

    /** 409: an object with this key exists already. */
    public static AdminRefusal exists(String id, long current) {
        return new AdminRefusal(409, "already_exists", id + " exists already; update it instead", null, current);
    }

    /** 404: no such object. */
    public static AdminRefusal notFound(String kind, String id) {
        return new AdminRefusal(404, "not_found", "no " + kind + " " + id, null, null);
    }

    /** 428: a write to an existing object must say which version it was based on. */
    public static AdminRefusal versionRequired() {
        return new AdminRefusal(428, "precondition_required",
                "send If-Match: \"<version>\" (or a \"version\" field) with the version you read", "version", null);
    }

    /** 401: the route is IAM-authorised and the request carried no authorised caller. */
    public static AdminRefusal unauthenticated() {
        return new AdminRefusal(401, "unauthenticated", "sign the request with SigV4 (IAM)", null, null);
    }

    /** 409: the object's state does not allow the action (start a stopped experiment, pause a sent campaign). */
    public static AdminRefusal invalidState(String message) {
        return new AdminRefusal(409, "invalid_state", message, null, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** The object's current version where it is known (a conflict), or {@code null}. */
    public Long currentVersion() {
        return currentVersion;
    }
}
