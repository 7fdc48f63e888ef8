/**
 * The push queue's message format ({@link dev.hearken.push.message.PushMessage}): what its producers
 * (app backend integrations, campaign fan-out) write as JSON and push-send reads. It lives here, not in the
 * kernel, because push-send is the only module that reads it. Plain Java: no JSON library here; adapters map
 * JSON to these records.
 */
package dev.hearken.push.message;
