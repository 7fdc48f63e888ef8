package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.EmailCopy;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageTag;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;

/** The SES adapter against the emulator's SES: real SDK answers, classified. */
class SesEmailGatewayTest {

    private static final Emulator EMULATOR = Emulator.shared();

    @BeforeAll
    static void provision() {
        TemplateProvisioner.fromClasspath().verifyMailIdentities(EMULATOR.ses());
    }

    private static Email email(String to) {
        return new Email("user-1", to, "onboarding", "https://hearken.example/mail/unsubscribe?program=onboarding&token=t",
                new EmailCopy("Olá", "Olá!", "<p>Olá!</p>"), "pt-BR", "k");
    }

    @Test
    void accepted_mail_is_sent_with_the_ses_message_id_and_its_headers() {
        String to = "gw-" + UUID.randomUUID() + "@example.org";
        SesEmailGateway gateway = new SesEmailGateway(EMULATOR.ses(), "notifications@mail.hearken.example", "Lumen",
                Duration.ofSeconds(60), Clock.systemUTC());

        ProviderOutcome outcome = gateway.send(email(to));

        assertThat(outcome).isInstanceOf(ProviderOutcome.Sent.class);
        assertThat(EMULATOR.sentMail().to(to)).singleElement().satisfies(mail -> {
            assertThat(mail.id()).isEqualTo(((ProviderOutcome.Sent) outcome).providerId());
            assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        });
    }

    @Test
    void message_rejected_is_a_rejection_that_goes_to_the_dlq() {
        SesEmailGateway gateway = new SesEmailGateway(EMULATOR.ses(), "someone@not-hearken.example", null,
                Duration.ofSeconds(60), Clock.systemUTC());

        assertThat(gateway.send(email("x@example.org"))).isEqualTo(new ProviderOutcome.Rejected("ses:MessageRejected"));
    }

    @Test
    void an_unreachable_ses_is_retried_later_and_an_address_that_could_inject_a_header_is_unreachable() {
        try (SesClient nowhere = SesClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
            SesEmailGateway gateway = new SesEmailGateway(nowhere, "notifications@mail.hearken.example", null,
                    Duration.ofSeconds(30), Clock.systemUTC());

            assertThat(gateway.send(email("x@example.org"))).isEqualTo(new ProviderOutcome.Retry("ses:transport", Duration.ofSeconds(30)));
            assertThat(gateway.send(email("x@example.org\r\nBcc: y@example.org")))
                    .isEqualTo(new ProviderOutcome.DeadToken("ses:invalid-address"));
        }
    }

    @Test
    void with_a_configuration_set_the_mail_goes_through_it_tagged_with_the_sealed_recipient() {
        // moto accepts but does not keep configuration sets and tags: the request is read on its way out.
        List<SendRawEmailRequest> sent = new CopyOnWriteArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendRawEmailRequest request) {
                    sent.add(request);
                }
            }
        };
        try (SesClient ses = EMULATOR.client(SesClient.builder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(capture)))) {
            SesEmailGateway gateway = new SesEmailGateway(ses, "notifications@mail.hearken.example", null,
                    Duration.ofSeconds(60), Clock.systemUTC(), "hearken-mail", user -> Optional.of("sealed-" + user.length()));

            assertThat(gateway.send(email("gw-" + UUID.randomUUID() + "@example.org"))).isInstanceOf(ProviderOutcome.Sent.class);
        }

        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.configurationSetName()).isEqualTo("hearken-mail");
            assertThat(request.tags()).containsExactly(MessageTag.builder().name("hearken-recipient").value("sealed-6").build());
        });
    }
}
