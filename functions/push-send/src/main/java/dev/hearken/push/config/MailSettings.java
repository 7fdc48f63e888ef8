package dev.hearken.push.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** push-send's e-mail channel (prefix {@code hearken.mail}). */
@ConfigMapping(prefix = "hearken.mail")
public interface MailSettings {

    /**
     * Sender address on the SES identity; the CDK stack sets {@code HEARKEN_MAIL_FROM}
     * ({@code notifications@<hearken:mailDomain>}), the default is the local and test identity.
     */
    @WithDefault("notifications@mail.hearken.example")
    String from();

    /** Display name of the sender, or none. */
    Optional<String> fromName();

    /**
     * The one-click unsubscribe endpoint (RFC 8058: it receives {@code POST List-Unsubscribe=One-Click});
     * {@code program} and {@code token} are appended as query parameters.
     */
    @WithDefault("https://hearken.example/mail/unsubscribe")
    String unsubscribeUrl();

    /**
     * SES configuration set every mail is sent through, so SES publishes its bounces and complaints to the
     * mail-feedback queue; the CDK stack sets {@code HEARKEN_MAIL_CONFIGURATION_SET}. None: no feedback (tests, local runs).
     */
    Optional<String> configurationSet();

    /** Secrets Manager secret holding {@code {"unsubscribeKey": "<base64 of 32 bytes>"}} (AES-256-GCM). */
    @WithDefault("hearken/push-mail")
    String secretId();
}
