package dev.hearken.review.parse;

import static dev.hearken.review.parse.Fields.blankToNull;
import static dev.hearken.review.parse.Fields.rating;
import static dev.hearken.review.parse.Fields.required;

import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppFollow webhook bodies (appfollow.md §1) as {@link Review}s, in both forms:
 * <ul>
 *   <li>the verified "WebHook URL" integration, a Slack-style {@code {"text": …}} message whose lines are
 *       app · store and publisher · stars and country · {@code *title*} · body · {@code _by_ *author* _for vX_}
 *       · links. It has no review or app id: the id is the permalink's last path segment (else a hash of the
 *       message), the app is resolved by name;</li>
 *   <li>the structured form ({@code {"app": …, "review": {review_id, ext_id, store, …}}}), unverified.</li>
 * </ul>
 * The line format is observed, not specified, so parsing is lenient and fails with a reason, never silently.
 */
public final class AppFollowReviewParser {

    private static final Pattern BY_LINE = Pattern.compile("^_by_\\s*\\*(.*?)\\*\\s*(?:_for\\s+v?([^_\\s]+)\\s*_)?\\s*$");
    private static final Pattern PERMALINK = Pattern.compile("\\[Permalink]\\(([^)]+)\\)");
    private static final String TEST_PING = "Webhook integration was successful";

    private final AuthorPseudonymizer authors;
    private final AppResolver apps;

    public AppFollowReviewParser(AuthorPseudonymizer authors, AppResolver apps) {
        this.authors = authors;
        this.apps = apps;
    }

    /** Fewest lines of a review text message: app, store, stars, body (the title and the rest are optional). */
    public static final int MIN_TEXT_LINES = 4;

    /** Whether a message text is AppFollow's "integration successful" test message. */
    public static boolean isTestPing(String text) {
        return text != null && text.strip().startsWith(TEST_PING);
    }

    /**
     * @param appId      the app's store id when the sender knows it, else {@code null}
     * @param receivedAt when the webhook arrived: the creation time of a text message, which has none
     */
    public Review parse(String appId, AppFollowPayload body, Instant receivedAt) {
        if (body.review() != null) {
            return structured(body.review());
        }
        String text = body.text();
        if (text == null) {
            throw new InvalidReviewException("AppFollow body has neither text nor review");
        }
        if (isTestPing(text)) {
            throw new InvalidReviewException("AppFollow test message carries no review");
        }
        return slackText(appId, text, receivedAt);
    }

    private Review slackText(String appId, String text, Instant receivedAt) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() < MIN_TEXT_LINES) {
            throw new InvalidReviewException("AppFollow text has " + lines.size() + " lines, expected at least "
                    + MIN_TEXT_LINES);
        }
        String appName = lines.get(0).strip();
        Store store = store(lines.get(1));
        String starsLine = lines.get(2).strip();
        int stars = 0;
        while (stars < starsLine.length() && starsLine.charAt(stars) == '★') {
            stars++;
        }
        int rating = rating(stars, "AppFollow review");
        String territory = territory(starsLine.substring(stars).replace("☆", "").strip());

        int by = -1;
        for (int i = 3; i < lines.size(); i++) {
            if (BY_LINE.matcher(lines.get(i).strip()).matches()) {
                by = i;
            }
        }
        String title = null;
        int bodyStart = 3;
        String third = lines.get(3).strip();
        if (third.length() >= 2 && third.startsWith("*") && third.endsWith("*")) {
            title = blankToNull(third.substring(1, third.length() - 1));
            bodyStart = 4;
        }
        int bodyEnd = by >= 0 ? by : lines.size();
        String reviewBody = String.join("\n", lines.subList(Math.min(bodyStart, bodyEnd), bodyEnd)).strip();
        String author = null;
        String version = null;
        if (by >= 0) {
            Matcher m = BY_LINE.matcher(lines.get(by).strip());
            if (m.matches()) {
                author = blankToNull(m.group(1));
                version = m.group(2);
            }
        }
        String resolvedApp = appId != null ? appId : apps.appIdByName(store, appName)
                .orElseThrow(() -> new InvalidReviewException("unknown app '" + appName + "' in " + store.code()));
        Matcher permalink = PERMALINK.matcher(text);
        String reviewId = "af-" + (permalink.find() ? lastSegment(permalink.group(1)) : hash(text));
        return new Review(store, resolvedApp, reviewId, ReviewSource.APPFOLLOW, rating, title, blankToNull(reviewBody),
                null, territory, version, null, authors.pseudonym(store, author), receivedAt, null, false);
    }

    private Review structured(AppFollowPayload.Review r) {
        String id = required(r.reviewId(), "review_id", "AppFollow review");
        String storeCode = r.store();
        Store store = "gp".equals(storeCode) ? Store.GOOGLE_PLAY
                : "as".equals(storeCode) ? Store.APP_STORE : null;
        if (store == null) {
            throw new InvalidReviewException("AppFollow review " + id + " has an unknown store '" + storeCode + "'");
        }
        String appId = required(r.extId(), "ext_id", "AppFollow review " + id);
        Instant created;
        try {
            String date = required(r.date(), "date", "AppFollow review " + id);
            String time = r.time();
            created = LocalDateTime.parse(date + "T" + (time == null ? "00:00:00" : time)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidReviewException("AppFollow review " + id + " has an invalid date");
        }
        Instant edited = null;
        if (r.wasChanged() != null && r.wasChanged() == 1 && r.updated() != null) {
            try {
                edited = LocalDateTime.parse(r.updated().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidReviewException("AppFollow review " + id + " has an invalid updated time");
            }
        }
        String author = r.userId() != null ? r.userId() : r.author();
        return new Review(store, appId, id, ReviewSource.APPFOLLOW, rating(r.rating(), "AppFollow review " + id),
                blankToNull(r.title()), r.content(), blankToNull(r.locale()),
                blankToNull(r.country()), blankToNull(r.version()), null,
                authors.pseudonym(store, author), created, edited, r.hasAnswer() != null && r.hasAnswer() == 1);
    }

    private static Store store(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("app store")) {
            return Store.APP_STORE;
        }
        if (l.startsWith("google play")) {
            return Store.GOOGLE_PLAY;
        }
        throw new InvalidReviewException("AppFollow text names no known store");
    }

    /** An English country name ("United States") as ISO 3166 alpha-2 ({@code US}); the name itself otherwise. */
    static String territory(String countryName) {
        if (countryName.isEmpty()) {
            return null;
        }
        for (String code : Locale.getISOCountries()) {
            if (Locale.of("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(countryName)) {
                return code;
            }
        }
        return countryName;
    }

    private static String lastSegment(String url) {
        String path = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isBlank() ? hash(url) : segment;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
