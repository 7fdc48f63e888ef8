package dev.hearken.review.function;

import dev.hearken.review.insight.ImpactReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON answer of {@code GET /apps/{appId}/topics/{topic}/impact}. */
record ImpactView(String appId, String topic, String since, long totalUsers, Map<String, Long> usersByVersion,
        Map<String, Map<String, Long>> byVersionAndDay, List<Bucket> buckets, String note) {

    private static final String NOTE =
            "distinct users per version and day; a user who reported on two days or versions counts in each";

    record Bucket(String day, String appVersion, long users) {
    }

    static ImpactView of(ImpactReport r) {
        Map<String, Map<String, Long>> byVersionAndDay = new LinkedHashMap<>();
        r.usersByVersionAndDay().forEach((version, days) -> {
            Map<String, Long> out = new LinkedHashMap<>();
            days.forEach((day, users) -> out.put(day.toString(), users));
            byVersionAndDay.put(version, out);
        });
        List<Bucket> buckets = r.buckets().stream()
                .map(b -> new Bucket(b.day().toString(), b.appVersion(), b.users())).toList();
        return new ImpactView(r.appId(), r.topic(), r.since().toString(), r.total(), r.usersByVersion(),
                byVersionAndDay, buckets, NOTE);
    }
}
