package dev.glimpse.ingest;

import dev.glimpse.imaging.CaptureFacts;
import dev.glimpse.imaging.CaptureFactsReader;
import dev.glimpse.imaging.ImageFormat;
import dev.glimpse.imaging.Place;
import dev.glimpse.imaging.Places;
import dev.glimpse.library.PhotoFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * When, with what and where a photo was taken, read from its original bytes before the metadata policy drops the GPS
 * position: the position becomes a place name ({@link Places}, loaded on first use) unless place names are turned
 * off ({@code glimpse.upload.place-names=false}); the coordinates themselves are never kept.
 */
@Component
class PhotoFactsReader {

    private final boolean placeNames;
    private volatile @Nullable Places places;

    PhotoFactsReader(UploadProperties properties) {
        this.placeNames = properties.placeNames();
    }

    PhotoFacts read(ImageFormat format, byte[] original) {
        CaptureFacts facts = CaptureFactsReader.read(format, original);
        Place place = placeNames
                ? facts.gps().flatMap(position -> places().nearest(position)).orElse(null)
                : null;
        return new PhotoFacts(
                facts.takenAt(),
                facts.offset(),
                facts.source() == null
                        ? PhotoFacts.TakenAtSource.UPLOAD
                        : PhotoFacts.TakenAtSource.valueOf(facts.source().name()),
                facts.camera(),
                place == null ? null : place.city(),
                place == null ? null : place.region(),
                place == null ? null : place.country());
    }

    private Places places() {
        Places loaded = places;
        if (loaded == null) {
            synchronized (this) {
                loaded = places;
                if (loaded == null) {
                    loaded = Places.load();
                    places = loaded;
                }
            }
        }
        return loaded;
    }
}
