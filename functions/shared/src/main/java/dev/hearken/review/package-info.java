/**
 * The review shared kernel: one normalised shape for app-store reviews ({@link dev.hearken.review.model.Review})
 * and the parsers that build it from App Store Connect, Google Play and AppFollow payloads. Plain Java: JSON
 * arrives already parsed into maps, lists and scalars, so the kernel needs no JSON library.
 */
package dev.hearken.review;
