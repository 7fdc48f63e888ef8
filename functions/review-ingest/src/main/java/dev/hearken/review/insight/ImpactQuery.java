package dev.hearken.review.insight;

import java.time.LocalDate;

/** Port: reads the bug-impact counters. */
@FunctionalInterface
public interface ImpactQuery {

    ImpactReport since(String appId, String topic, LocalDate since);
}
