package dev.glimpse.library;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * Writes the originals of several images as one zip, each under its file name (numbered when two share a name).
 * Images that are gone by then are left out.
 */
@Service
public class LibraryDownloads {

    private final ImageQueries service;

    LibraryDownloads(ImageQueries service) {
        this.service = service;
    }

    /** Writes the zip to {@code out}; returns how many images it holds. */
    public int zip(Collection<UUID> ids, OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        int written = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (UUID id : ids) {
                var image = service.find(id);
                var bytes = service.content(id);
                if (image.isEmpty() || bytes.isEmpty()) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(unique(image.get().fileName(), names)));
                zip.write(bytes.get().bytes());
                zip.closeEntry();
                written++;
            }
        }
        return written;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + extension;
        }
        return candidate;
    }
}
