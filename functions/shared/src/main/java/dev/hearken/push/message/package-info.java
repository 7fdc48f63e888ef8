/**
 * The push queue's message format ({@link dev.hearken.push.message.PushMessage}), shared by its
 * producers (app backend integrations, campaign fan-out, auto-reply) and its consumer (push-send).
 * Plain Java: no JSON library here; adapters map JSON to these records.
 */
package dev.hearken.push.message;
