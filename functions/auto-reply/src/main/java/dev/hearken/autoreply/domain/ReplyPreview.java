package dev.hearken.autoreply.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a user would get from one catalogue key: the worker's own composition ({@link ReplyComposer}: the
 * {@link LanguageChain}, the renderer, the {@link HumanPath}) for a language and channel, with placeholder values
 * an operator chooses. The experiment variation is the one asked for (none: the default text), not an assignment,
 * so a preview records no exposure.
 */
public final class ReplyPreview {

    /**
     * @param templateKey the catalogue key ({@code ticket:how_to})
     * @param language    the requester's language or locale ({@code pt-BR}), the start of the chain
     * @param channel     where the answer goes; {@code null}: Zendesk for ticket keys, the App Store for review keys
     * @param name        the requester's name, or {@code null}
     * @param ticketId    the ticket or case number (ticket keys only: the worker gives reviews none), or {@code null}
     * @param app         the app's name; {@code null}: the configured one
     * @param articleLink the help link; {@code null}: the configured one of the template's language
     * @param subject     the subject of the message answered (e-mail), or {@code null}
     * @param variant     the experiment variation to show, or {@code null} for the default text
     */
    public record Request(String templateKey, String language, ReplyChannel channel, String name, String ticketId,
            String app, String articleLink, String subject, String variant) {}

    /**
     * @param text             the answer as the worker would send it
     * @param subject          the e-mail subject, for the e-mail channel only
     * @param resolvedLanguage the language of the template found along the chain
     * @param chain            the languages tried, in order
     * @param experimentKey    the template's experiment when a variation was shown, else {@code null}
     * @param variant          the variation shown, else {@code null}
     * @param channel          the channel it was composed for
     * @param maxLength        the longest text the channel accepts; a longer one would be skipped
     */
    public record Result(String text, String subject, String resolvedLanguage, List<String> chain,
            String experimentKey, String variant, String channel, int maxLength) {}

    private final TemplateRenderer renderer;
    private final ReplySettings settings;

    public ReplyPreview(TemplateRenderer renderer, ReplySettings settings) {
        this.renderer = renderer;
        this.settings = settings;
    }

    /** The preview from {@code catalogue}; empty when no language of the chain has the key. */
    public Optional<Result> preview(ReplyTemplates catalogue, Request request) {
        ReplyChannel.Kind kind = TemplateRules.kindOf(request.templateKey());
        ReplyChannel channel = request.channel() != null ? request.channel()
                : kind == ReplyChannel.Kind.TICKET ? ReplyChannel.ZENDESK : ReplyChannel.APP_STORE;
        if (channel.kind() != kind) {
            throw new TemplateRules.Violation("channel", "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " template is not sent on " + channel.source());
        }
        if (LanguageChain.normalise(request.language()) == null) {
            throw new TemplateRules.Violation("language", "language must be a language tag such as en or pt-BR");
        }
        List<String> chain = LanguageChain.of(request.language(), null);
        ReplyComposer composer = new ReplyComposer(catalogue, renderer,
                (experiment, unit) -> Optional.ofNullable(request.variant()));
        Placeholders values = new Placeholders(request.name(),
                request.app() == null ? settings.appName() : request.app(),
                request.articleLink() == null ? settings.articleLinks() : ArticleLinks.of(request.articleLink()),
                kind == ReplyChannel.Kind.TICKET ? request.ticketId() : null);
        return composer.compose(kind, List.of(request.templateKey()), chain, values, "preview")
                .map(c -> new Result(c.text(),
                        channel == ReplyChannel.EMAIL ? MailSubject.reply(request.subject(), c.language()) : null,
                        c.language(), chain, c.experimentKey(), c.variant(), channel.source(),
                        AutoReplyService.maxLength(channel)));
    }
}
