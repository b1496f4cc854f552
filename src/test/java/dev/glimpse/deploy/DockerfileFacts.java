package dev.glimpse.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the runtime stage of the Dockerfile says, read from its text (its instructions, continuation lines joined). */
record DockerfileFacts(List<String> instructions) {

    private static final Pattern MKDIR = Pattern.compile("mkdir -p ((?:/app\\S*\\s*)+)");

    static DockerfileFacts read(Path dockerfile) throws IOException {
        String text =
                Files.readString(dockerfile).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        String runtime = text.substring(text.lastIndexOf("\nFROM "));
        return new DockerfileFacts(runtime.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList());
    }

    /** The folders the runtime stage creates under /app (all of /app is then given to the app's user). */
    List<String> ownedFolders() {
        String run = instructions.stream()
                .filter(line -> line.startsWith("RUN ") && line.contains("mkdir -p"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage creates no folder"));
        if (!run.contains("chown -R glimpse:glimpse /app")) {
            throw new AssertionError("the runtime stage does not give /app to its user: " + run);
        }
        Matcher matcher = MKDIR.matcher(run);
        if (!matcher.find()) {
            throw new AssertionError("no mkdir -p of /app folders in: " + run);
        }
        return Arrays.stream(matcher.group(1).trim().split("\\s+")).toList();
    }

    List<String> starting(String keyword) {
        return instructions.stream()
                .filter(line -> line.startsWith(keyword + " "))
                .toList();
    }
}
