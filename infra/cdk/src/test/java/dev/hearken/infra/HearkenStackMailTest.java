package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HearkenStackMailTest {

    private final Template template = Templates.hearken();

    @Test
    void one_domain_identity_is_declared_for_the_default_mail_domain() {
        template.resourceCountIs("AWS::SES::EmailIdentity", 1);
        template.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "mail.hearken.example"));
    }

    @Test
    void auto_reply_sends_as_support_and_push_send_as_notifications() {
        assertThat(environment("hearken-auto-reply")).containsEntry("HEARKEN_MAIL_FROM", "support@mail.hearken.example");
        assertThat(environment("hearken-push-send"))
                .containsEntry("HEARKEN_MAIL_FROM", "notifications@mail.hearken.example");
    }

    @Test
    void only_the_mail_senders_may_send_and_only_from_the_hearken_identity() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy",
                Map.of("Properties", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Action", List.of("ses:SendEmail", "ses:SendRawEmail")))))))));
        assertThat(policies).hasSize(2);
        assertThat(policies.values().toString())
                .contains(Templates.role("hearken-auto-reply"), Templates.role("hearken-push-send"))
                .contains(":identity/mail.hearken.example");
        // The one other SES statement: push-send sends through the hearken-mail configuration set (feedback).
        Map<String, Map<String, Object>> single = template.findResources("AWS::IAM::Policy", Map.of("Properties",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Action", Match.stringLikeRegexp("ses:.*")))))))));
        assertThat(single).hasSize(1);
        assertThat(single.values().toString()).contains(Templates.role("hearken-push-send"), ":configuration-set/hearken-mail");
    }

    @Test
    void the_mail_domain_comes_from_context() {
        Template custom = Template.fromStack(HearkenApp.define(Templates.app(
                Map.of(HearkenSettings.MAIL_DOMAIN, "Notify.Example.org"))));
        custom.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "notify.example.org"));
    }

    @Test
    void a_mail_domain_that_is_not_a_domain_name_is_refused() {
        assertThatThrownBy(() -> HearkenApp.define(Templates.app(Map.of(HearkenSettings.MAIL_DOMAIN, "not a domain"))))
                .hasMessageContaining("hearken:mailDomain");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String functionName) {
        Map<String, Object> function = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", functionName))).values().iterator().next();
        Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }
}
