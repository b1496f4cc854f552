package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What README documents for log collectors works with this application's logging set-up: with {@code
 * logging.structured.format.console=ecs} (or {@code logstash}) every console line is one JSON object.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ecsFormatWritesOneJsonObjectPerLineWithLevelServiceAndMdc(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("ecs")) {
            MDC.put("imageId", "3f1c");
            LoggerFactory.getLogger("dev.glimpse.ingest.CaptionPipeline").warn("Captioning image {} failed", "3f1c");
            MDC.clear();
        }

        JsonNode line = lineWith(output, "Captioning image 3f1c failed");
        assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
        assertThat(line.at("/log/logger").asString()).isEqualTo("dev.glimpse.ingest.CaptionPipeline");
        assertThat(line.at("/service/name").asString()).isEqualTo("glimpse");
        assertThat(line.get("imageId").asString()).isEqualTo("3f1c");
        assertThat(line.has("@timestamp")).isTrue();
    }

    @Test
    void logstashFormatWritesJsonToo(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("logstash")) {
            LoggerFactory.getLogger("dev.glimpse.ml.ModelMonitor").info("Loaded the caption model in 401 ms");
        }

        JsonNode line = lineWith(output, "Loaded the caption model in 401 ms");
        assertThat(line.get("level").asString()).isEqualTo("INFO");
        assertThat(line.get("logger_name").asString()).isEqualTo("dev.glimpse.ml.ModelMonitor");
    }

    /** Leaves the console as the other tests expect it: plain text. */
    @AfterAll
    static void plainLogsAgain() {
        new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off")
                .run()
                .close();
    }

    private static ConfigurableApplicationContext start(String format) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.application.name=glimpse",
                        "logging.structured.format.console=" + format)
                .run();
    }

    private static JsonNode lineWith(CapturedOutput output, String message) {
        String line = output.getOut()
                .lines()
                .filter(text -> text.contains(message))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with '" + message + "' in:\n" + output.getOut()));
        System.out.println("structured line: " + line);
        return JSON.readTree(line);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
