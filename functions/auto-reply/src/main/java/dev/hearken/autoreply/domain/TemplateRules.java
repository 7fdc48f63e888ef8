package dev.hearken.autoreply.domain;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a catalogue entry must satisfy before an operator may store it: the rules the worker relies on when it
 * reads the entry, checked on the entry itself instead of at send time.
 * <ul>
 *   <li>its key is one the worker looks up: {@code ticket:<intent>}, {@code review:<intent>},
 *       {@code review:<intent>:<band>} or {@code review:<band>};</li>
 *   <li>its language has a {@link HumanPath} sentence, so the way to a person is offered in the answer's
 *       language;</li>
 *   <li>the body and every variant is a valid template that reads only {@link #PLACEHOLDERS};</li>
 *   <li>the golden rule: rendered with and without a name, each text ends with the {@link HumanPath} sentence of
 *       its kind and language, as {@link HumanPath#endsWithPath} checks it (the worker would append it to a text
 *       without it; an operator's text that needs that is refused instead, so what is stored is what is sent);</li>
 *   <li>a review answer fits Google Play's {@value #REVIEW_MAX_LENGTH} characters even with the longest name
 *       (a longer one would be skipped there as {@code text_too_long});</li>
 *   <li>variants belong to an experiment: {@code variants} without {@code experimentKey} is refused.</li>
 * </ul>
 */
public final class TemplateRules {

    /** The values the worker gives every template ({@link Placeholders#values()}). */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "app", "articleLink", "ticketId");
    /** Google Play's reply limit ("replies of more than approximately 350 characters will be rejected"). */
    public static final int REVIEW_MAX_LENGTH = 350;
    /** Longest text of any answer (a Zendesk comment). */
    public static final int MAX_LENGTH = 65_000;

    private static final Pattern KEY = Pattern.compile("(ticket|review)(:[a-z0-9_]{1,60}){1,2}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A rule the entry breaks, naming the field at fault ({@code body}, {@code variants.friendly}, …). */
    public static final class Violation extends RuntimeException {
        private final String field;

        Violation(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final TemplateRenderer renderer;
    private final String appName;
    private final ArticleLinks articleLinks;

    /**
     * @param appName      the {@code {app}} value the worker renders with ({@link ReplySettings#appName()})
     * @param articleLinks the {@code {articleLink}} values the worker renders with, per language
     */
    public TemplateRules(TemplateRenderer renderer, String appName, ArticleLinks articleLinks) {
        this.renderer = renderer;
        this.appName = appName;
        this.articleLinks = articleLinks;
    }

    /** The kind of channel a key answers: {@code review:…} keys are review answers, the rest tickets and e-mail. */
    public static ReplyChannel.Kind kindOf(String key) {
        return key.startsWith("review:") ? ReplyChannel.Kind.REVIEW : ReplyChannel.Kind.TICKET;
    }

    /** Checks {@code template}; a {@link Violation} naming the first field at fault. */
    public void check(ReplyTemplate template) {
        if (!KEY.matcher(template.key()).matches()) {
            throw new Violation("templateKey", "templateKey must be ticket:<intent>, review:<intent>, "
                    + "review:<intent>:<band> or review:<band> (lower-case letters, digits, _)");
        }
        if (!HumanPath.languages().contains(template.language())) {
            throw new Violation("language", "language must be one of " + HumanPath.languages()
                    + ": the languages whose way to a person is known");
        }
        checkText("body", template, template.body());
        if (template.experimentKey() != null && !ID.matcher(template.experimentKey()).matches()) {
            throw new Violation("experimentKey", "experimentKey must be an experiment key (letters, digits, . _ -)");
        }
        if (!template.variants().isEmpty() && template.experimentKey() == null) {
            throw new Violation("variants", "variants need the experimentKey whose variation chooses among them");
        }
        for (Map.Entry<String, String> variant : template.variants().entrySet()) {
            if (!ID.matcher(variant.getKey()).matches()) {
                throw new Violation("variants", "variation keys must be letters, digits, . _ -");
            }
            checkText("variants." + variant.getKey(), template, variant.getValue());
        }
    }

    private void checkText(String field, ReplyTemplate template, String text) {
        if (text.isBlank() || text.length() > MAX_LENGTH) {
            throw new Violation(field, field + " must be 1-" + MAX_LENGTH + " characters");
        }
        Set<String> names;
        try {
            names = renderer.dataNames(text);
        } catch (IllegalArgumentException e) {
            throw new Violation(field, field + " is not a valid template: " + e.getMessage());
        }
        for (String name : names) {
            if (!PLACEHOLDERS.contains(name)) {
                throw new Violation(field, field + " uses {" + name + "}; the placeholders are " + PLACEHOLDERS);
            }
        }
        ReplyChannel.Kind kind = kindOf(template.key());
        String longestName = "W".repeat(Placeholders.MAX_NAME);
        for (String name : new String[] {longestName, null}) {
            String rendered = renderer.render(text, new Placeholders(name, appName, articleLinks, "35501")
                    .values(template.language())).strip();
            if (!HumanPath.endsWithPath(kind, template.language(), rendered)) {
                throw new Violation(field, field + " must end with the way to a person: \""
                        + HumanPath.sentenceOrFallback(kind, template.language()) + "\"");
            }
            if (kind == ReplyChannel.Kind.REVIEW && rendered.length() > REVIEW_MAX_LENGTH) {
                throw new Violation(field, field + " is " + rendered.length() + " characters with the longest name;"
                        + " a review answer must fit " + REVIEW_MAX_LENGTH + " (Google Play)");
            }
        }
    }
}
