package dev.glimpse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * the configuration table (docs/configuration.md) is checked against the configuration metadata the build generates from the
 * {@code @ConfigurationProperties} records, so that a setting cannot be added, renamed or removed without the table
 * following. A row names one property in full and may name its siblings by their last part
 * ({@code `glimpse.caption.max-new-tokens`, `.num-beams`}).
 */
class ConfigurationTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void readmeConfigurationTableListsExactlyTheApplicationsSettings() throws IOException {
        Set<String> documented = documentedSettings(Files.readAllLines(Path.of("docs", "configuration.md")));
        Set<String> actual = metadataSettings();

        assertThat(actual).as("settings in the configuration metadata").isNotEmpty();
        assertThat(difference(actual, documented))
                .as("settings missing from the configuration table (docs/configuration.md)")
                .isEmpty();
        assertThat(difference(documented, actual))
                .as("settings in the configuration table (docs/configuration.md) that the application does not have")
                .isEmpty();
    }

    static Set<String> documentedSettings(List<String> readme) {
        Set<String> settings = new TreeSet<>();
        boolean inSection = false;
        for (String line : readme) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("| `")) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                settings.addAll(namesInCell(firstCell));
            }
        }
        return settings;
    }

    private static List<String> namesInCell(String cell) {
        List<String> names = new ArrayList<>();
        String parent = null;
        String list = null;
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            String token = matcher.group(1);
            if (token.startsWith(".") && list != null) {
                names.add(list); // a field of a list's items: the list is the setting
            } else if (token.startsWith(".") && parent != null) {
                names.add(parent + token);
            } else if (token.startsWith("glimpse.")) {
                int index = token.indexOf('[');
                list = index >= 0 ? token.substring(0, index) : null;
                String name = list != null ? list : token;
                names.add(name);
                parent = name.substring(0, name.lastIndexOf('.'));
            }
        }
        return names;
    }

    private static Set<String> metadataSettings() throws IOException {
        Set<String> settings = new TreeSet<>();
        for (URL url : Collections.list(ConfigurationTableTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStreamReader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                for (JsonElement property :
                        JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("properties")) {
                    String name = property.getAsJsonObject().get("name").getAsString();
                    if (name.startsWith("glimpse.")) {
                        settings.add(name);
                    }
                }
            }
        }
        return settings;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
