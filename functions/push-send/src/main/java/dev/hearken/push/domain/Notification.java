package dev.hearken.push.domain;

import dev.hearken.push.message.Priority;
import java.util.Map;

/**
 * What goes to one device.
 *
 * @param copy       rendered, length-limited copy
 * @param data       custom key/values delivered to the app (strings)
 * @param priority   transactional messages are sent with high priority
 * @param collapseId de-duplicates on the device if a retry after a timeout delivers twice (FCM and
 *                   APNs have no idempotency key, fcm.md §6); at most 64 bytes
 * @param label      analytics label ({@code <program>_<template>})
 */
public record Notification(Copy copy, Map<String, String> data, Priority priority, String collapseId, String label) {

    public Notification {
        data = Map.copyOf(data);
    }
}
