package dev.hearken.review.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An app whose reviews Hearken pulls and answers, as an operator configures it.
 *
 * @param appId       the store's id of the app: App Store Connect's Apple ID (digits), Google Play's package name
 * @param store       which store
 * @param name        the name AppFollow shows (its text messages carry no id), and a label for people
 * @param enabled     whether the poller pulls it
 * @param credentials the Secrets Manager secret (name or ARN) holding the store key the poller uses for this app;
 *                    {@code null}: the store's default secret ({@code hearken.review.secrets.appstore} /
 *                    {@code .googleplay}). Its name must start with the default's, so that the poller's IAM grant on
 *                    those names covers it (e.g. {@code hearken/appstore-team-b})
 * @param languages   the languages (ISO 639-1, or with a region: {@code pt-BR}) whose reviews are offered an automatic
 *                    answer; empty: every language
 */
public record ReviewApp(String appId, Store store, String name, boolean enabled, String credentials,
        List<String> languages) {

    /** Longest name kept. */
    public static final int MAX_NAME = 200;

    private static final Pattern APPLE_ID = Pattern.compile("[1-9][0-9]{0,19}");
    // Android application ids: two or more segments of letters, digits and _, each starting with a letter.
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    // Secrets Manager names: letters, digits and /_+=.@-; an ARN adds its fixed prefix.
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:([A-Za-z0-9/_+=.@-]{1,512})");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

    /** A rule the app breaks, naming the field. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public ReviewApp {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(store, "store");
        name = name == null ? appId : name;
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /**
     * Checks the operator's rules: the id's format for its store, a name, a credentials secret under
     * {@code defaultSecret}'s name, well-formed distinct languages.
     *
     * @param defaultSecret the store's default secret name ({@code hearken/appstore})
     * @throws Invalid naming the field at fault
     */
    public ReviewApp validate(String defaultSecret) {
        checkAppId(store, appId);
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new Invalid("name", "name must be 1-" + MAX_NAME + " characters without control characters");
        }
        if (credentials != null && !secretName(credentials).startsWith(defaultSecret)) {
            throw new Invalid("credentials", "credentials must be the name or ARN of a secret whose name starts with "
                    + defaultSecret + " (the poller may read only those)");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String language : languages) {
            if (language == null || !LANGUAGE.matcher(language).matches() || !seen.add(language)) {
                throw new Invalid("languages", "languages must be distinct language codes such as en or pt-BR");
            }
        }
        return this;
    }

    /** Checks that {@code appId} has the format of {@code store}'s app ids; {@link Invalid} naming {@code appId}. */
    public static void checkAppId(Store store, String appId) {
        if (store == Store.APP_STORE && !APPLE_ID.matcher(appId).matches()) {
            throw new Invalid("appId", "an App Store app id is its Apple ID: digits, e.g. 1234567890");
        }
        if (store == Store.GOOGLE_PLAY && !PACKAGE.matcher(appId).matches()) {
            throw new Invalid("appId", "a Google Play app id is its package name, e.g. com.example.app");
        }
    }

    /** Whether a review in {@code language} may be offered an automatic answer. */
    public boolean answersIn(String language) {
        if (languages.isEmpty()) {
            return true;
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return languages.stream().anyMatch(l -> l.equals(lang) || l.toLowerCase(Locale.ROOT).startsWith(lang + "-")
                || lang.startsWith(l.toLowerCase(Locale.ROOT) + "-"));
    }

    /** The secret name of a name or ARN; "" when it is neither. */
    private static String secretName(String reference) {
        var arn = SECRET_ARN.matcher(reference);
        if (arn.matches()) {
            return arn.group(1);
        }
        return SECRET_NAME.matcher(reference).matches() ? reference : "";
    }
}
