/**
 * push-send's domain: timing (quiet hours, notBefore), frequency caps with priority, the template
 * catalogue with locale fallback and length limits, provider error classification. Plain Java; an
 * architecture test keeps Quarkus and AWS out.
 */
package dev.hearken.push.domain;
