package dev.hearken.autoreply.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.autoreply.domain.RejectedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ses.model.AccountSendingPausedException;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SesException;

/** How SES's errors (as the SDK raises them) become "later", "never" or "unknown". */
class SesMailDeskTest {

    private static SesException error(String code, String message, int status) {
        return (SesException) SesException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void the_sending_rate_is_retried_in_a_second_and_the_daily_quota_in_an_hour() {
        assertThat(SesMailDesk.translate(error("Throttling", "Maximum sending rate exceeded.", 400)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.service()).isEqualTo("email");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThat(SesMailDesk.translate(error("Throttling", "Daily message quota exceeded.", 400)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
        assertThat(SesMailDesk.translate(error("TooManyRequestsException", "slow down", 429)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusals_that_retrying_cannot_change_go_to_the_dlq_with_a_reason() {
        SesException rejected = (SesException) MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected")
                        .errorMessage("Email address is not verified.").build()).build();
        SesException paused = (SesException) AccountSendingPausedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccountSendingPausedException").build()).build();

        assertThat(SesMailDesk.translate(rejected)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.reason()).isEqualTo("ses_messagerejected"));
        assertThat(SesMailDesk.translate(paused)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.reason()).isEqualTo("ses_accountsendingpaused"));
        assertThat(SesMailDesk.translate(error("MailFromDomainNotVerifiedException", "x", 400)))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo("ses_mailfromdomainnotverified"));
    }

    @Test
    void a_server_error_stays_an_unknown_outcome() {
        SesException unavailable = error("ServiceUnavailable", "try later", 503);

        assertThat(SesMailDesk.translate(unavailable)).isSameAs(unavailable);
    }
}
