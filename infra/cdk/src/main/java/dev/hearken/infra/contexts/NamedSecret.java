package dev.hearken.infra.contexts;

import dev.hearken.infra.constructs.HearkenFunction;
import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;

/**
 * A Secrets Manager secret with its literal name, {@code <prefix>/<name>}. The name is kept beside the
 * secret because {@code Secret.getSecretName()} is a token that parses the ARN at deploy time, and a
 * function's configuration needs the plain name.
 *
 * @param secret the secret; the template never holds its value (an operator puts it, or CloudFormation generates it)
 * @param name   its physical name, as functions look it up
 */
public record NamedSecret(Secret secret, String name) {

    /**
     * Lets {@code function} read the secret — only GetSecretValue: {@code Secret.grantRead} would add
     * DescribeSecret, which the code never calls — and tells it the name through {@code environmentVariable}.
     */
    public void grantRead(HearkenFunction function, String environmentVariable) {
        function.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secret.getSecretArn()))
                .build());
        function.addEnvironment(environmentVariable, name);
    }
}
