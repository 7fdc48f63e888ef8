/**
 * review-ingest: app-store reviews pulled from App Store Connect and Google Play ({@code poll}, {@code store}) or
 * pushed by AppFollow ({@code webhook}), normalised into one shape ({@code model}, {@code parse}), stored,
 * analysed and counted ({@code ingest}, {@code insight}). Domain packages are plain Java; {@code aws},
 * {@code store} and {@code config} adapt them, {@code function} holds the Funqy handlers.
 */
package dev.hearken.review;
