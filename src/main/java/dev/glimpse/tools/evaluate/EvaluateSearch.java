package dev.glimpse.tools.evaluate;

import dev.glimpse.embedding.EmbeddingProperties;
import dev.glimpse.embedding.SentenceEmbedder;
import dev.glimpse.embedding.WordVocabulary;
import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.hub.HubClient;
import dev.glimpse.ml.hub.ModelStore;
import dev.glimpse.search.SearchProperties;
import dev.glimpse.serving.ModelsProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Evaluates the search on captions and queries it has never seen:
 *
 * <pre>java -jar target/glimpse-*.jar evaluate-search --pairs=FILE.tsv [--model=DIR-or-hub-id]</pre>
 *
 * <p>The file is an {@link EvaluationSet} ({@code caption<TAB>query} per line). The model defaults to the configured
 * {@code glimpse.embedding.model}; the search settings are the configured {@code glimpse.search.*} (application.yaml,
 * overridable as system properties or environment variables like the application's). Prints the
 * {@link EvaluationReport}; its last line is {@code hybrid recall@1=… recall@5=… mrr=…}. Exit code 0 done, 1
 * failed, 2 bad arguments.
 */
public final class EvaluateSearch {

    static final String USAGE = "usage: EvaluateSearch --pairs=FILE.tsv [--model=DIR-or-hub-id]";
    private static final int BATCH = 64;

    private EvaluateSearch() {}

    /** Runs the evaluation; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path pairs = null;
        String model = null;
        for (String arg : args) {
            if (arg.startsWith("--pairs=")) {
                pairs = Path.of(arg.substring("--pairs=".length()));
            } else if (arg.startsWith("--model=")) {
                model = arg.substring("--model=".length());
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (pairs == null || model != null && model.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(pairs)) {
            err.println("No such file: " + pairs);
            return 2;
        }
        try {
            Binder configuration = configuration();
            EvaluationSet set = EvaluationSet.read(pairs);
            String modelId = model != null
                    ? model
                    : configuration
                            .bindOrCreate("glimpse.embedding", EmbeddingProperties.class)
                            .model();
            SearchProperties settings = configuration.bindOrCreate("glimpse.search", SearchProperties.class);
            ModelsProperties models = configuration.bindOrCreate("glimpse.models", ModelsProperties.class);
            Path folder = new ModelLocator(
                            new ModelStore(models.store(), new HubClient(models.hubUrl()), models.offline()))
                    .locate(modelId);
            try (SentenceEmbedder embedder = SentenceEmbedder.load(folder, models.modelOptions());
                    WordVocabulary vocabulary = WordVocabulary.load(folder);
                    SearchEvaluation evaluation =
                            SearchEvaluation.index(set, texts -> embed(embedder, texts), vocabulary::hasWord)) {
                EvaluationReport.print(evaluation.run(settings), modelId, out);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("Evaluation failed: " + e);
            return 1;
        }
    }

    /** Embeds in batches, so that a large set does not become one huge padded batch. */
    static float[][] embed(SentenceEmbedder embedder, List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += BATCH) {
            vectors.addAll(Arrays.asList(embedder.embed(texts.subList(start, Math.min(texts.size(), start + BATCH)))));
        }
        return vectors.toArray(float[][]::new);
    }

    /** application.yaml under system properties and environment variables, as the application reads them. */
    static Binder configuration() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.yaml", e);
        }
        return Binder.get(environment);
    }
}
