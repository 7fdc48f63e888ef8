package dev.hearken.autoreply.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.autoreply.domain.MailReply;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.mail.MimeReply;
import dev.hearken.autoreply.mail.SesMailDesk;
import dev.hearken.reply.InboundMail;
import dev.hearken.testing.aws.Emulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ses.SesClient;

/** The inbound-mail table and SES against the emulator (table from the CDK template, items from the seed). */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class InboundMailAdaptersFunctionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:30:00Z");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    SesClient ses;

    @Test
    void reads_every_attribute_of_the_item_contract() {
        InboundMail mail = new DynamoDbInboundMail(dynamo, AutoReplyResource.INBOUND_MAIL).read("mail-en-newsletter-004")
                .orElseThrow();

        assertThat(mail.fromAddress()).isEqualTo("digest@lists.example.com");
        assertThat(mail.fromName()).isEqualTo("Photo Apps Weekly");
        assertThat(mail.rfcMessageId()).isEqualTo("<digest-2026-09@lists.example.com>");
        assertThat(mail.caseNumber()).isEqualTo("700104");
        assertThat(mail.header("Precedence")).isEqualTo("bulk");
        assertThat(mail.header("list-id")).isEqualTo("Photo Apps Weekly <weekly.lists.example.com>");
        assertThat(mail.flags()).isEmpty();
        assertThat(mail.status()).isEqualTo("open");
        assertThat(mail.expiresAt()).isEqualTo(1893456000L);
        assertThat(new DynamoDbInboundMail(dynamo, AutoReplyResource.INBOUND_MAIL).read("no-such-mail")).isEmpty();
    }

    @Test
    void the_auto_replied_mark_is_set_once_and_never_on_a_missing_item() {
        DynamoDbInboundMail table = new DynamoDbInboundMail(dynamo, AutoReplyResource.INBOUND_MAIL);
        dynamo.putItem(b -> b.tableName(AutoReplyResource.INBOUND_MAIL).item(Map.of(
                "messageId", AttributeValue.fromS("mail-mark-1"), "fromAddress", AttributeValue.fromS("a@example.com"))));

        assertThat(table.markAutoReplied("mail-mark-1", "ses-1", NOW)).isTrue();
        assertThat(table.markAutoReplied("mail-mark-1", "ses-2", NOW.plusSeconds(5))).isFalse();
        assertThat(table.markAutoReplied("mail-never-stored", "ses-3", NOW)).isFalse();
        table.flagForPerson("mail-never-stored", "auto_reply_outcome_unknown", NOW); // no item created

        InboundMail marked = table.read("mail-mark-1").orElseThrow();
        assertThat(marked.autoRepliedAt()).isEqualTo(NOW.toString());
        assertThat(table.read("mail-never-stored")).isEmpty();
    }

    @Test
    void ses_refusing_an_unverified_sender_is_a_rejection_and_a_verified_one_is_accepted() {
        DynamoDbInboundMail table = new DynamoDbInboundMail(dynamo, AutoReplyResource.INBOUND_MAIL);
        InboundMail to = new InboundMail("mail-ses-1", "kim@example.com", "Kim", "Hi", "<k1@example.com>", null,
                NOW.toString(), "1", "en", null, null, Map.of(), List.of(), "open", null, null, 0);
        MailReply reply = new MailReply("Re: Hi", "Hello Kim.", "en");
        SesMailDesk unverified = new SesMailDesk(table, ses,
                new MimeReply.Sender("support@not-verified.example", "Support", "support@not-verified.example"),
                Clock.systemUTC());
        SesMailDesk verified = new SesMailDesk(table, ses,
                new MimeReply.Sender("support@mail.hearken.example", "Support", "support@mail.hearken.example"),
                Clock.systemUTC());

        assertThatThrownBy(() -> unverified.send(to, reply)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.reason()).isEqualTo("ses_messagerejected"));
        String id = verified.send(to, reply);

        assertThat(Emulator.shared().sentMail().matching(m -> m.id().equals(id))).singleElement()
                .satisfies(m -> assertThat(m.header("In-Reply-To")).isEqualTo("<k1@example.com>"));
    }
}
