package dev.hearken.push.domain;

import java.time.Instant;

/**
 * One line of the delivery log: a decision about a message, or the result for one of its devices.
 *
 * @param program        CRM program
 * @param priority       the message's priority (wire name)
 * @param template       template key
 * @param idempotencyKey the message's key
 * @param userId         recipient
 * @param outcome        what happened
 * @param reason         detail: {@code fcm:UNREGISTERED}, {@code quiet-hours}, {@code cap:d#2026-03-20}, ...; may be null
 * @param channel        {@code fcm}, {@code apns}, {@code email}, or {@code null} for message-level decisions
 * @param locale         catalogue locale used, or {@code null}
 * @param experimentKey  experiment that chose the variant, or {@code null}
 * @param variationId    assigned variation, or {@code null}
 * @param variationKey   assigned variation key (= template variant), or {@code null}
 * @param at             when
 */
public record Delivery(
        String program,
        String priority,
        String template,
        String idempotencyKey,
        String userId,
        DeliveryOutcome outcome,
        String reason,
        String channel,
        String locale,
        String experimentKey,
        Integer variationId,
        String variationKey,
        Instant at) {}
