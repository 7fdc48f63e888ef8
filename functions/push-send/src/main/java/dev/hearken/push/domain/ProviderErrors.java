package dev.hearken.push.domain;

import java.time.Duration;

/**
 * Classifies provider error responses, following {@code shared/contracts/fcm.md} §4 and
 * {@code apns.md} §5. A missing {@code Retry-After} on a retryable error becomes
 * {@code defaultRetry} (FCM recommends backing off at least a minute on quota errors); the header itself is read
 * by the kernel's {@code RetryAfter} in the clients.
 */
public final class ProviderErrors {

    private ProviderErrors() {}

    /**
     * An FCM HTTP v1 error.
     *
     * @param status     HTTP status
     * @param errorCode  {@code details[].errorCode} of the {@code FcmError} detail, or {@code null}
     * @param rpcStatus  {@code error.status} (canonical gRPC status), or {@code null}
     * @param retryAfter the {@code Retry-After} wait, or {@code null}
     */
    public static ProviderOutcome fcm(int status, String errorCode, String rpcStatus, Duration retryAfter,
            Duration defaultRetry) {
        String code = errorCode != null ? errorCode : rpcStatus != null ? rpcStatus : Integer.toString(status);
        String reason = "fcm:" + code;
        if ("UNREGISTERED".equals(errorCode) || "SENDER_ID_MISMATCH".equals(errorCode)) {
            return new ProviderOutcome.DeadToken(reason);
        }
        if ("QUOTA_EXCEEDED".equals(errorCode) || "UNAVAILABLE".equals(errorCode) || "INTERNAL".equals(errorCode)
                || status == 429 || status >= 500) {
            return new ProviderOutcome.Retry(reason, retryAfter != null ? retryAfter : defaultRetry);
        }
        return new ProviderOutcome.Rejected(reason);
    }

    /**
     * An APNs error.
     *
     * @param status     HTTP status
     * @param reason     the body's {@code reason}, or {@code null}
     * @param retryAfter the {@code Retry-After} wait (APNs documents none), or {@code null}
     */
    public static ProviderOutcome apns(int status, String reason, Duration retryAfter, Duration defaultRetry) {
        String label = "apns:" + status + (reason == null ? "" : ":" + reason);
        if (status == 410 || "BadDeviceToken".equals(reason) || "DeviceTokenNotForTopic".equals(reason)) {
            return new ProviderOutcome.DeadToken(label);
        }
        if (status == 429 || status >= 500) {
            return new ProviderOutcome.Retry(label, retryAfter != null ? retryAfter : defaultRetry);
        }
        return new ProviderOutcome.Rejected(label);
    }
}
