package dev.hearken.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;

class SentMailTest {

    private static final Emulator EMULATOR = Emulator.shared();

    @BeforeAll
    static void provision() {
        TemplateProvisioner.fromClasspath().provision(EMULATOR);
    }

    @Test
    void the_template_declares_the_hearken_mail_domain() {
        assertThat(TemplateProvisioner.fromClasspath().mailIdentities()).containsExactly("mail.hearken.example");
    }

    @Test
    void mail_sent_from_the_provisioned_domain_can_be_read_back() {
        String to = "reader-" + UUID.randomUUID() + "@example.org";
        String id = EMULATOR.ses().sendEmail(b -> b.source("support@mail.hearken.example")
                .destination(d -> d.toAddresses(to))
                .message(m -> m.subject(s -> s.data("Hola").charset("UTF-8"))
                        .body(body -> body.text(t -> t.data("¿Cómo podemos ayudarte?").charset("UTF-8"))))).messageId();

        assertThat(EMULATOR.sentMail().to(to)).singleElement().satisfies(mail -> {
            assertThat(mail.id()).isEqualTo(id);
            assertThat(mail.source()).isEqualTo("support@mail.hearken.example");
            assertThat(mail.subject()).isEqualTo("Hola");
            assertThat(mail.body()).isEqualTo("¿Cómo podemos ayudarte?");
            assertThat(mail.raw()).isFalse();
        });
    }

    @Test
    void raw_mail_keeps_its_headers() {
        String to = "raw-" + UUID.randomUUID() + "@example.org";
        String mime = "From: support@mail.hearken.example\r\nTo: " + to + "\r\nSubject: Re: help\r\n"
                + "In-Reply-To: <abc@example.org>\r\nReferences: <root@example.org>\r\n <abc@example.org>\r\n\r\nbody\r\n";
        EMULATOR.ses().sendRawEmail(b -> b.rawMessage(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8))));

        assertThat(EMULATOR.sentMail().to(to)).singleElement().satisfies(mail -> {
            assertThat(mail.raw()).isTrue();
            assertThat(mail.subject()).isEqualTo("Re: help");
            assertThat(mail.header("in-reply-to")).isEqualTo("<abc@example.org>");
            assertThat(mail.header("References")).isEqualTo("<root@example.org> <abc@example.org>"); // unfolded
            assertThat(mail.header("Bcc")).isNull();
        });
    }

    @Test
    void mail_from_an_undeclared_domain_is_rejected() {
        assertThatThrownBy(() -> EMULATOR.ses().sendEmail(b -> b.source("someone@not-hearken.example")
                .destination(d -> d.toAddresses("x@example.org"))
                .message(m -> m.subject(s -> s.data("x")).body(body -> body.text(t -> t.data("x"))))))
                .isInstanceOf(MessageRejectedException.class);
    }
}
