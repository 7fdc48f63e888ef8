package dev.hearken.autoreply.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.ReplyPreview;
import dev.hearken.autoreply.domain.ReplyTemplate;
import dev.hearken.autoreply.domain.ReplyTemplates;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.TemplateRules;
import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.admin.ItemKey;
import dev.hearken.aws.admin.Versioned;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.aws.http.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /admin/reply-templates/preview}: the text a user would get from a template, composed by the worker's
 * own {@link ReplyPreview} (language chain, renderer, way to a person), with the version of the template used.
 * Templates are read from the table as stored now (strongly consistent), not through the worker's cache, so an
 * operator previews an edit at once; the worker sends it within its cache time
 * ({@code hearken.auto-reply.template-cache-ttl}).
 */
public final class TemplatePreviews {

    /** The route this serves. */
    public static final String ROUTE = "POST /admin/reply-templates/preview";

    /**
     * The request body. {@code placeholders}: {@code name}, {@code ticketId}, {@code app}, {@code articleLink} and, for
     * e-mail, {@code subject} (of the message answered); those not given are the worker's ({@code app},
     * {@code articleLink}) or empty.
     */
    public record Body(@JsonProperty(required = true) String templateKey, @JsonProperty(required = true) String language,
            String channel, Map<String, String> placeholders, String variant) {}

    /** The placeholder values a preview takes. */
    private static final Set<String> VALUES = Set.of("name", "ticketId", "app", "articleLink", "subject");

    /** The answer: {@link ReplyPreview.Result} and the version of the template it used; no {@code subject} but for e-mail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String text, String subject, String resolvedLanguage, List<String> chain, long templateVersion,
            String experimentKey, String variant, String channel, int length, int maxLength) {}

    private final VersionedItems templates;
    private final ReplyPreview preview;

    public TemplatePreviews(VersionedItems templates, ReplyPreview preview) {
        this.templates = templates;
        this.preview = preview;
    }

    /** Answers one preview request; 404 when no language of the chain has the key. */
    public Reply serve(Request request) {
        // Like every operator route: API Gateway has checked the caller, and a request without one (the local
        // gateway passes those on) is refused here too rather than answered.
        AdminRequests.author(request);
        Body body = request.body(Body.class);
        String key = Identifiers.require("templateKey", body.templateKey());
        Map<String, String> values = body.placeholders() == null ? Map.of() : body.placeholders();
        values.keySet().stream().filter(name -> !VALUES.contains(name)).findFirst().ifPresent(name -> {
            throw new BadRequestException("placeholders." + name, "unknown placeholder; a preview takes " + VALUES);
        });
        ReplyChannel channel = channel(body.channel());
        Versions read = new Versions();
        ReplyPreview.Result found;
        try {
            found = preview.preview(read, new ReplyPreview.Request(key, body.language(), channel, values.get("name"),
                    values.get("ticketId"), values.get("app"), values.get("articleLink"), values.get("subject"),
                    body.variant()))
                    .orElseThrow(() -> AdminRefusal.notFound("reply-template", key));
        } catch (TemplateRules.Violation v) {
            throw new BadRequestException(v.field(), v.getMessage());
        }
        return Reply.ok(new View(found.text(), found.subject(), found.resolvedLanguage(), found.chain(),
                read.version(key, found.resolvedLanguage()), found.experimentKey(), found.variant(), found.channel(),
                found.text().length(), found.maxLength()));
    }

    private static ReplyChannel channel(String source) {
        if (source == null) {
            return null;
        }
        try {
            return ReplyChannel.ofSource(source);
        } catch (RejectedException e) {
            throw new BadRequestException("channel", "channel must be zendesk, email, appstore or googleplay");
        }
    }

    /** The catalogue as stored, remembering the version of each template read. */
    private final class Versions implements ReplyTemplates {
        private final Map<String, Long> versions = new HashMap<>();

        @Override
        public Optional<ReplyTemplate> find(String key, String language) {
            Optional<Versioned> item = templates.find(ItemKey.strings("templateKey", key, "language", language));
            item.ifPresent(v -> versions.put(key + "/" + language, v.version()));
            return item.flatMap(v -> DynamoDbReplyTemplates.template(v.item()));
        }

        long version(String key, String language) {
            return versions.get(key + "/" + language);
        }
    }
}
