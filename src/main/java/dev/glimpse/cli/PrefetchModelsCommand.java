package dev.glimpse.cli;

import dev.glimpse.caption.CaptionProperties;
import dev.glimpse.embedding.EmbeddingProperties;
import dev.glimpse.ml.hub.HubClient;
import dev.glimpse.ml.hub.HubException;
import dev.glimpse.ml.hub.ModelPrefetch;
import dev.glimpse.ml.hub.ModelRef;
import dev.glimpse.ml.hub.ModelStore;
import dev.glimpse.serving.ModelsProperties;
import dev.glimpse.speech.SpeechProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import picocli.CommandLine.Command;

/**
 * {@code prefetch-models [--name=value ...]}: downloads every configured model (captioning, speech, embedding) into
 * the model store and exits, without starting the database or the web server. For Docker builds and air-gapped
 * installs. The settings are the server's ({@code glimpse.models.*}, {@code glimpse.caption.model}, …).
 */
@Command(
        name = "prefetch-models",
        mixinStandardHelpOptions = true,
        description = {
            "Downloads the configured models (or the owner/name[@revision] ids given) into the model store"
                    + " (glimpse.models.store) and exits.",
            "Settings as for the server, e.g. --glimpse.models.store=/models --glimpse.speech.model=openai/whisper-tiny"
        })
final class PrefetchModelsCommand extends PassThroughCommand {

    @Override
    int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args)) {
            ModelsProperties models = context.getBean(ModelsProperties.class);
            if (models.offline()) {
                System.err.println("Could not pre-fetch the models: offline mode is on (glimpse.models.offline=true)."
                        + " Pre-fetching downloads from " + models.hubUrl() + "; run it with"
                        + " --glimpse.models.offline=false on a machine that reaches the hub.");
                return 1;
            }
            List<ModelRef> refs = new ArrayList<>();
            List<String> named =
                    Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList();
            List<String> wanted = !named.isEmpty()
                    ? named
                    : List.of(
                            context.getBean(CaptionProperties.class).model(),
                            context.getBean(SpeechProperties.class).model(),
                            context.getBean(EmbeddingProperties.class).model());
            for (String model : wanted) {
                if (Files.isDirectory(Path.of(model))) {
                    System.out.println(model + " is a local folder; nothing to fetch");
                } else {
                    refs.add(ModelRef.parse(model));
                }
            }
            ModelStore store = new ModelStore(models.store(), new HubClient(models.hubUrl()), models.offline());
            new ModelPrefetch(store, System.out).prefetch(refs);
            return 0;
        } catch (HubException e) {
            System.err.println("Could not pre-fetch the models: " + e.getMessage() + ". " + advice(e.kind()));
            return 1;
        } catch (RuntimeException e) {
            System.err.println("Could not pre-fetch the models: " + e.getMessage());
            return 1;
        }
    }

    /** What to do when pre-fetching itself fails: never "pre-fetch it", which is what failed. */
    static String advice(HubException.Kind kind) {
        return switch (kind) {
            case HOST_NOT_FOUND, CONNECTION_REFUSED, UNREACHABLE ->
                "This machine cannot reach the hub: run prefetch-models on a machine with internet access (or set"
                        + " glimpse.models.hub-url to a mirror this one reaches) and copy its models/ folder here.";
            case NOT_FOUND ->
                "Check the model ids (glimpse.caption.model, glimpse.speech.model,"
                        + " glimpse.embedding.model) and glimpse.models.hub-url.";
            case CHECKSUM_MISMATCH -> "A proxy or mirror served different files; run it again, or elsewhere.";
            default -> "Run it again; an interrupted download resumes where it stopped.";
        };
    }

    /** Only the settings the command needs: no component scan, no auto-configuration, no database. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        ModelsProperties.class,
        CaptionProperties.class,
        SpeechProperties.class,
        EmbeddingProperties.class
    })
    static class Settings {}
}
