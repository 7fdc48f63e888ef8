package dev.hearken.experiment.assign.api;

import java.util.List;

/** A batch of outcome events in one HTTP request: {@code {"events":[…]}}. */
public record ConversionsBatchMessage(List<OutcomeEventMessage> events) {}
