package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The template the build packages is the one other modules read: check it as they will load it. */
class PackagedTemplateTest {

    @Test
    void the_build_puts_the_template_on_the_classpath_where_other_modules_look_for_it() throws IOException {
        Template packaged = Template.fromString(read(TemplateExport.RESOURCE));

        packaged.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "hearken-experiments"));
        packaged.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "hearken-exposures"));
        packaged.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /assignments"));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PackagedTemplateTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
