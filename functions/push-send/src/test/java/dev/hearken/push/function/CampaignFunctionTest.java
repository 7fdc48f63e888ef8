package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The push-campaign Lambda (same artifact, export {@code campaign}): the EventBridge envelope of
 * {@code events/push-campaign/} through the Lambda mock event server, as Lambda delivers it.
 */
@QuarkusTest
@TestProfile(CampaignFunctionTest.CampaignExport.class)
class CampaignFunctionTest {

    /** Runs the application with {@code QUARKUS_FUNQY_EXPORT=campaign}, as the CDK stack does for push-campaign. */
    public static class CampaignExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "campaign");
        }
    }

    @Inject
    SqsClient sqs;

    @Test
    void the_scheduled_campaign_event_fans_the_uploaded_list_out_and_answers_with_the_run() {
        String url = sqs.getQueueUrl(b -> b.queueName("hearken-push")).queueUrl();
        String event = Events.load("push-campaign", "campaign-scheduled")
                .replace("spring-sale-2026", "feature-launch-lyrics");

        JsonPath response = given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(response.getString("campaignId")).isEqualTo("feature-launch-lyrics");
        assertThat(response.getString("runId")).isEqualTo("2026-03-20T08:00:00Z");
        assertThat(response.getLong("enqueued")).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        List<Message> page;
        do {
            page = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            page.stream().map(Message::body).filter(b -> b.contains("feature-launch-lyrics")).forEach(keys::add);
        } while (!page.isEmpty());
        assertThat(keys).hasSize(2);
    }

    @Test
    void a_campaign_continued_event_resumes_its_run_and_a_second_copy_finds_it_finished() {
        String event = Events.load("push-campaign", "campaign-continued");

        JsonPath first = given().contentType("application/json").body(event)
                .when().post().then().statusCode(200).extract().jsonPath();
        JsonPath again = given().contentType("application/json").body(event)
                .when().post().then().statusCode(200).extract().jsonPath();

        assertThat(first.getString("runId")).isEqualTo("2026-03-20T09:00:00Z");
        assertThat(first.getBoolean("done")).isTrue();
        assertThat(first.getLong("enqueued")).isEqualTo(2);
        assertThat(again.getBoolean("alreadyDone")).isTrue();
        String url = sqs.getQueueUrl(b -> b.queueName("hearken-push")).queueUrl();
        List<String> keys = new ArrayList<>();
        List<Message> page;
        do { // drained, so the other test counts only its own run's messages
            page = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            page.stream().map(Message::body).filter(b -> b.contains("feature-launch-lyrics:2026-03-20T09:00:00Z:"))
                    .forEach(keys::add);
        } while (!page.isEmpty());
        assertThat(keys).hasSize(2);
    }
}
