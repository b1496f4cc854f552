package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What README documents for log collectors works with this application's logging set-up: with {@code
 * logging.structured.format.console=ecs} (or {@code logstash}) every console line is one JSON object. Each format
 * runs in its own JVM, as a fresh start of the application would, so that the logging system of the tests' shared
 * application contexts is neither used nor changed.
 */
class StructuredLoggingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ecsFormatWritesOneJsonObjectPerLineWithLevelServiceAndMdc() throws Exception {
        List<String> lines = run("ecs");

        JsonNode line = lineWith(lines, "Captioning image 3f1c failed");
        assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
        assertThat(line.at("/log/logger").asString()).isEqualTo("dev.glimpse.pipeline.CaptionPipeline");
        assertThat(line.at("/service/name").asString()).isEqualTo("glimpse");
        assertThat(line.get("imageId").asString()).isEqualTo("3f1c");
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(lines).allSatisfy(text -> assertThat(text).startsWith("{"));
    }

    @Test
    void logstashFormatWritesJsonToo() throws Exception {
        List<String> lines = run("logstash");

        JsonNode line = lineWith(lines, "Captioning image 3f1c failed");
        assertThat(line.get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("logger_name").asString()).isEqualTo("dev.glimpse.pipeline.CaptionPipeline");
    }

    /** Starts {@link Main} in a new JVM with the test class path and returns the lines it printed. */
    private static List<String> run(String format) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), format)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode lineWith(List<String> lines, String message) {
        String line = lines.stream()
                .filter(text -> text.contains(message))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with '" + message + "' in:\n" + lines));
        System.out.println("structured line: " + line);
        return JSON.readTree(line);
    }

    /** A minimal Spring Boot start with the given console format, logging one line as the pipeline would. */
    public static final class Main {
        public static void main(String[] args) {
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Empty.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties(
                            "spring.main.banner-mode=off",
                            "spring.application.name=glimpse",
                            "logging.structured.format.console=" + args[0])
                    .run()) {
                MDC.put("imageId", "3f1c");
                LoggerFactory.getLogger("dev.glimpse.pipeline.CaptionPipeline")
                        .warn("Captioning image {} failed", "3f1c");
                MDC.clear();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
