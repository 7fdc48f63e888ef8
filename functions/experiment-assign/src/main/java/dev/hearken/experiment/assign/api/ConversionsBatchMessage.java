package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A batch of outcome events in one HTTP request: {@code {"events":[…]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversionsBatchMessage(List<OutcomeEventMessage> events) {}
