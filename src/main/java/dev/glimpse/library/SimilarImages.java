package dev.glimpse.library;

import dev.glimpse.search.SearchHit;
import dev.glimpse.search.SearchService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The images most like one image: nearest caption embeddings in the search index, read back as they are now (only
 * READY ones), nearest first. The search service is looked up per call: the import command's context has no index.
 */
@Component
class SimilarImages {

    private final ImageRepository images;
    private final ObjectProvider<SearchService> search;

    SimilarImages(ImageRepository images, ObjectProvider<SearchService> search) {
        this.images = images;
        this.search = search;
    }

    CompletableFuture<List<ImageQueries.Similar>> similar(UUID id, int k) {
        Optional<float[]> vector = images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.READY && image.getEmbedding() != null)
                .map(Image::getEmbedding);
        if (vector.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return search.getObject().similar(id, vector.get(), k).thenApply(this::summaries);
    }

    private List<ImageQueries.Similar> summaries(List<SearchHit> hits) {
        Map<UUID, Image> found = images
                .findAllById(hits.stream().map(SearchHit::id).toList())
                .stream()
                .filter(image -> image.getStatus() == ImageStatus.READY)
                .collect(Collectors.toMap(Image::getId, Function.identity()));
        return hits.stream()
                .filter(hit -> found.containsKey(hit.id()))
                .map(hit -> new ImageQueries.Similar(ImageSummary.of(found.get(hit.id())), hit.similarity()))
                .sorted(Comparator.comparingDouble(ImageQueries.Similar::similarity)
                        .reversed())
                .toList();
    }
}
