package dev.glimpse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every compose file of the repository, read by a real compose tool ({@code docker-compose config}, Debian's package;
 * .ci/run installs it) with a filled-in copy of {@code deploy/glimpse.env.example}: each is valid, the database
 * password reaches PostgreSQL and Glimpse alike, sign-in is on, Grafana has no default password, Prometheus' token is
 * a secret (never a folder made from a missing file), and every volume lands on a folder the image creates for its
 * user. No container engine is needed: {@code config} only reads the files.
 */
@Tag("deploy")
class ComposeFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String DB_PASSWORD = "sample-db-password";
    private static final String GRAFANA_PASSWORD = "sample-grafana-password";

    @TempDir
    static Path copy;

    @BeforeAll
    static void copyTheDeployFilesWithASampleEnvFile() throws IOException {
        for (Path file : composeFiles()) {
            Path target = copy.resolve(ROOT.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        copyTree(ROOT.resolve("deploy/grafana"), copy.resolve("deploy/grafana"));
        Files.copy(ROOT.resolve("deploy/prometheus.yml"), copy.resolve("deploy/prometheus.yml"));
        Files.copy(ROOT.resolve("Dockerfile"), copy.resolve("Dockerfile"));
        String example = Files.readString(ROOT.resolve("deploy/glimpse.env.example"));
        Files.writeString(copy.resolve("deploy/glimpse.env.example"), example);
        Files.writeString(
                copy.resolve("deploy/glimpse.env"),
                example.replace("POSTGRES_PASSWORD=\n", "POSTGRES_PASSWORD=" + DB_PASSWORD + "\n")
                        .replace("GRAFANA_ADMIN_PASSWORD=\n", "GRAFANA_ADMIN_PASSWORD=" + GRAFANA_PASSWORD + "\n"));
        Files.writeString(copy.resolve("deploy/prometheus-token"), "sample-token");
    }

    @Test
    void theRepositoryHasBothComposeFiles() throws IOException {
        assertThat(composeFiles().stream().map(file -> ROOT.relativize(file).toString()))
                .contains("deploy/docker-compose.yml", "docker-compose.multi.yaml");
    }

    @Test
    void everyComposeFileIsValidAndStopsWithoutADatabasePassword() throws Exception {
        for (Path file : composeFiles()) {
            String name = ROOT.relativize(file).toString();
            Result valid = compose("deploy/glimpse.env", name, "config", "-q");
            System.out.println("docker-compose config -q " + name + ": exit " + valid.exit() + " " + valid.output());
            assertThat(valid.exit()).as(name + ": " + valid.output()).isZero();

            Result unfilled = compose("deploy/glimpse.env.example", name, "config", "-q");
            assertThat(unfilled.exit())
                    .as(name + " without a database password")
                    .isNotZero();
            assertThat(unfilled.output()).contains("set POSTGRES_PASSWORD in deploy/glimpse.env");
        }
    }

    @Test
    void theDatabasePasswordOfTheEnvFileReachesPostgresAndEveryGlimpseWithSignInOn() throws Exception {
        for (Path file : composeFiles()) {
            Map<String, Map<String, Object>> services =
                    services(ROOT.relativize(file).toString());
            assertThat(environment(services.get("postgres"))).containsEntry("POSTGRES_PASSWORD", DB_PASSWORD);
            List<String> glimpses = glimpseServices(services);
            assertThat(glimpses).as(file.toString()).isNotEmpty();
            for (String glimpse : glimpses) {
                Map<String, String> env = environment(services.get(glimpse));
                assertThat(env).as(glimpse).containsEntry("DATABASE_PASSWORD", DB_PASSWORD);
                assertThat(env).as(glimpse).containsKey("GLIMPSE_SECURITY_USERS_0_NAME");
                assertThat(env.getOrDefault("GLIMPSE_SECURITY_ENABLED", "true"))
                        .as(glimpse + ": sign-in (the image turns it on)")
                        .isEqualTo("true");
            }
        }
    }

    @Test
    void everyVolumeOfGlimpseIsMountedOnAFolderTheImageCreatesForItsUser() throws Exception {
        List<String> created = DockerfileFacts.read(ROOT.resolve("Dockerfile")).ownedFolders();
        for (Path file : composeFiles()) {
            Map<String, Map<String, Object>> services =
                    services(ROOT.relativize(file).toString());
            for (String glimpse : glimpseServices(services)) {
                for (String target : volumeTargets(services.get(glimpse))) {
                    assertThat(created)
                            .as(file + " " + glimpse + " mounts " + target)
                            .contains(target);
                }
            }
        }
    }

    @Test
    void monitoringHasNoDefaultPasswordAndReadsTheTokenAsASecret() throws Exception {
        Map<String, Map<String, Object>> services = services("deploy/docker-compose.yml");
        assertThat(environment(services.get("grafana"))).containsEntry("GF_SECURITY_ADMIN_PASSWORD", GRAFANA_PASSWORD);
        Map<String, Object> prometheus = services.get("prometheus");
        assertThat(volumeSources(prometheus)).noneMatch(source -> source.contains("prometheus-token"));
        List<?> secrets = (List<?>) prometheus.get("secrets");
        assertThat(secrets).hasSize(1);
        Object secret = secrets.getFirst();
        String secretName =
                secret instanceof Map<?, ?> map ? String.valueOf(map.get("source")) : String.valueOf(secret);
        assertThat(secretName).isEqualTo("prometheus-token");
        Map<?, ?> prometheusConfig = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus.yml")));
        assertThat(prometheusConfig.toString()).contains("credentials_file=/run/secrets/" + secretName);

        Result noGrafanaPassword = compose("deploy/glimpse.env.nografana", "deploy/docker-compose.yml", "config", "-q");
        assertThat(noGrafanaPassword.exit()).isNotZero();
        assertThat(noGrafanaPassword.output()).contains("set GRAFANA_ADMIN_PASSWORD");
    }

    private static Map<String, Map<String, Object>> services(String file) throws Exception {
        Result config = compose("deploy/glimpse.env", file, "--profile", "monitoring", "config");
        assertThat(config.exit()).as(config.output()).isZero();
        Map<String, Object> model = new Yaml().load(config.stdout());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) model.get("services");
        return services;
    }

    private static List<String> glimpseServices(Map<String, Map<String, Object>> services) {
        return services.entrySet().stream()
                .filter(service ->
                        String.valueOf(service.getValue().get("image")).startsWith("glimpse"))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<?, ?> env = (Map<?, ?>) service.getOrDefault("environment", Map.of());
        Map<String, String> strings = new java.util.TreeMap<>();
        env.forEach((key, value) -> strings.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        return strings;
    }

    private static List<String> volumeTargets(Map<String, Object> service) {
        return volumes(service).stream().map(volume -> volume[1]).toList();
    }

    private static List<String> volumeSources(Map<String, Object> service) {
        return volumes(service).stream().map(volume -> volume[0]).toList();
    }

    /** source and target of each volume, from compose v1's short form ("src:target:mode") or v2's long form. */
    private static List<String[]> volumes(Map<String, Object> service) {
        List<String[]> volumes = new ArrayList<>();
        for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
            if (volume instanceof Map<?, ?> map) {
                volumes.add(new String[] {String.valueOf(map.get("source")), String.valueOf(map.get("target"))});
            } else {
                String[] parts = String.valueOf(volume).split(":");
                volumes.add(new String[] {parts[0], parts[1]});
            }
        }
        return volumes;
    }

    private static Result compose(String envFile, String file, String... command) throws Exception {
        if (envFile.endsWith(".nografana")) {
            Files.writeString(
                    copy.resolve(envFile),
                    Files.readString(copy.resolve("deploy/glimpse.env"))
                            .replace("GRAFANA_ADMIN_PASSWORD=" + GRAFANA_PASSWORD, "GRAFANA_ADMIN_PASSWORD="));
        }
        List<String> args = new ArrayList<>(List.of("docker-compose", "--env-file", envFile, "-f", file));
        args.addAll(List.of(command));
        Path errors = Files.createTempFile(copy, "compose", ".err");
        Process process;
        try {
            process = new ProcessBuilder(args)
                    .directory(copy.toFile())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            return fail("docker-compose is not installed, so the compose files cannot be checked: install it "
                    + "(Debian: apt-get install docker-compose; .ci/run does) (" + e.getMessage() + ")");
        }
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout, Files.readString(errors));
    }

    private static List<Path> composeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches("(docker-)?compose[.\\w-]*\\.ya?ml"))
                    .filter(file -> !ROOT.relativize(file).toString().startsWith("target"))
                    .sorted()
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private record Result(int exit, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
