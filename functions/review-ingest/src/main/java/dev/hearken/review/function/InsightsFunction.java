package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.review.insight.ImpactQuery;
import dev.hearken.review.insight.ImpactReport;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * {@code GET /apps/{appId}/topics/{topic}/impact?since=YYYY-MM-DD}: how many distinct users reported a topic for
 * an app since a day, per app version and day, and in total — the number a support lead takes to the backlog.
 * Without {@code since}, the last 30 days.
 */
public class InsightsFunction {

    private static final Logger LOG = Logger.getLogger(InsightsFunction.class);
    /** The understanding library's review topics, lower-case. */
    static final Set<String> TOPICS = Set.of("compatibility", "error", "pricing", "protection", "resources", "usage", "other");
    private static final int DEFAULT_DAYS = 30;

    private final ImpactQuery impact;
    private final HttpResponses responses;
    private final Clock clock = Clock.systemUTC();

    @Inject
    InsightsFunction(ImpactQuery impact, HttpResponses responses) {
        this.impact = impact;
        this.responses = responses;
    }

    @Funq("insights")
    public APIGatewayV2HTTPResponse insights(APIGatewayV2HTTPEvent event) {
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Map<String, String> query = HttpRequests.query(event);
        String appId = path.get("appId");
        String topic = path.get("topic") == null ? null : path.get("topic").toLowerCase(Locale.ROOT);
        if (appId == null || appId.isBlank()) {
            return responses.error(400, "invalid_request", "appId is required", "appId");
        }
        if (topic == null || !TOPICS.contains(topic)) {
            return responses.error(400, "invalid_request", "unknown topic; one of " + new java.util.TreeSet<>(TOPICS), "topic");
        }
        LocalDate since;
        try {
            since = query.get("since") == null ? LocalDate.now(clock).minusDays(DEFAULT_DAYS) : LocalDate.parse(query.get("since"));
        } catch (DateTimeParseException e) {
            return responses.error(400, "invalid_request", "since must be a date YYYY-MM-DD", "since");
        }
        try {
            ImpactReport report = impact.since(appId, topic, since);
            LOG.infof("impact %s/%s since %s: %d buckets", appId, topic, since, report.buckets().size());
            return responses.json(200, view(report));
        } catch (RuntimeException e) {
            LOG.errorf("impact query failed: %s", e.getClass().getName());
            return responses.error(503, "unavailable", "impact query failed; retry later", null);
        }
    }

    private static Map<String, Object> view(ImpactReport r) {
        Map<String, Map<String, Long>> byVersion = new TreeMap<>();
        List<Map<String, Object>> days = new ArrayList<>();
        for (ImpactReport.Bucket b : r.buckets()) {
            byVersion.computeIfAbsent(b.appVersion(), v -> new TreeMap<>()).merge(b.day().toString(), b.users(), Long::sum);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", b.day().toString());
            d.put("appVersion", b.appVersion());
            d.put("users", b.users());
            days.add(d);
        }
        Map<String, Long> versionTotals = new TreeMap<>();
        byVersion.forEach((v, m) -> versionTotals.put(v, m.values().stream().mapToLong(Long::longValue).sum()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("appId", r.appId());
        out.put("topic", r.topic());
        out.put("since", r.since().toString());
        out.put("totalUsers", r.total());
        out.put("usersByVersion", versionTotals);
        out.put("byVersionAndDay", byVersion);
        out.put("buckets", days);
        out.put("note", "distinct users per version and day; a user who reported on two days or versions counts in each");
        return out;
    }
}
