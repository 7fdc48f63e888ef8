package dev.hearken.push.service;

import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.Template;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.EmailGateway;
import dev.hearken.push.port.UnsubscribeLinks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail channel of {@link PushService}: whether a user may get e-mail from a program, the localised
 * mail itself, and the gateway that sends it.
 *
 * <p>The rules, in order: e-mail opt-out of the program (or of all e-mail) → {@code opted-out}; no address
 * → {@code no-email}; an address SES feedback marked bounced or complained → {@code email-bounced} /
 * {@code email-complained}, never sent again (sending to such addresses is what gets an SES account
 * paused). The copy follows the template's e-mail fallbacks; every mail carries a one-click
 * unsubscribe link for its program, also offered to the copy as {@code {unsubscribeUrl}}.
 */
public final class EmailChannel {

    /** The delivery records' channel of e-mail. */
    public static final String CHANNEL = "email";
    /** What the ledger's {@code sentTokens} holds once the mail went out, so no retry sends it again. */
    public static final String LEDGER_TOKEN = "email";
    /** The placeholder the unsubscribe link is offered to the copy as. */
    public static final String UNSUBSCRIBE_PLACEHOLDER = "unsubscribeUrl";
    /** The refusal reason of an opted-out user (recorded as {@code opted-out}, not {@code failed}). */
    public static final String OPTED_OUT = "email-opted-out";

    private final EmailGateway gateway;
    private final UnsubscribeLinks unsubscribe;

    public EmailChannel(EmailGateway gateway, UnsubscribeLinks unsubscribe) {
        this.gateway = gateway;
        this.unsubscribe = unsubscribe;
    }

    /** Why {@code user} must not get e-mail from {@code program}, or {@code null} when they may. */
    public String refusal(UserProfile user, String program) {
        if (user.optedOutOfEmailFrom(program)) {
            return OPTED_OUT;
        }
        if (user.email() == null) {
            return "no-email";
        }
        return switch (user.emailStatus()) {
            case OK -> null;
            case BOUNCED -> "email-bounced";
            case COMPLAINED -> "email-complained";
        };
    }

    /** The mail for {@code user}, or empty when the template has no e-mail copy in any language. */
    public Optional<Composed> compose(Template template, UserProfile user, PushMessage message, String variant) {
        Optional<Template.LocalisedEmail> localised = template.resolveEmail(user.locale(), variant);
        if (localised.isEmpty()) {
            return Optional.empty();
        }
        String link = unsubscribe.link(user.userId(), message.program());
        Map<String, String> data = new LinkedHashMap<>(message.data());
        data.put(UNSUBSCRIBE_PLACEHOLDER, link);
        Email email = new Email(user.userId(), user.email(), message.program(), link, localised.get().render(data),
                localised.get().locale(), message.idempotencyKey());
        return Optional.of(new Composed(email, localised.get().locale(), localised.get().variant()));
    }

    /** Sends through the gateway (never throws for provider answers). */
    public ProviderOutcome send(Email email) {
        return gateway.send(email);
    }

    /**
     * A mail ready to send, with the catalogue locale and variant it was written from.
     *
     * @param email   the mail
     * @param locale  catalogue locale used
     * @param variant template variant used
     */
    public record Composed(Email email, String locale, String variant) {}
}
