package dev.glimpse.ml.torch;

import static dev.glimpse.ml.torch.StateDictUnpickler.refuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** The zip archive {@code torch.save} writes: one folder holding data.pkl, byteorder and data/<key> entries. */
final class TorchArchive implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Path file;
    private final ZipFile zip;
    private final String prefix;
    private final long fileSize;
    private final Map<String, TensorRef.StorageRef> storages = new HashMap<>();

    private TorchArchive(Path file, ZipFile zip, String prefix, long fileSize) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
        this.fileSize = fileSize;
    }

    static TorchArchive open(Path file) {
        ZipFile zip;
        long fileSize;
        try {
            fileSize = Files.size(file);
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw refuse(file + " is not a zip archive; only the torch.save format of PyTorch 1.6 and later"
                    + " is read (re-save the checkpoint with a recent PyTorch, or use safetensors)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
        try {
            String prefix = prefix(zip, file);
            TorchArchive archive = new TorchArchive(file, zip, prefix, fileSize);
            archive.checkByteOrder();
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static String prefix(ZipFile zip, Path file) {
        var pickles = zip.stream()
                .map(ZipEntry::getName)
                .filter(name -> name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - 9)
                .toList();
        if (pickles.size() != 1) {
            throw refuse(file + " holds " + pickles.size() + " <folder>/data.pkl entries; expected exactly one");
        }
        return pickles.getFirst().substring(0, pickles.getFirst().length() - "data.pkl".length());
    }

    private void checkByteOrder() {
        var entry = zip.getEntry(prefix + "byteorder");
        if (entry != null) {
            String order = new String(read(entry, Math.min(entry.getSize(), 16)), StandardCharsets.US_ASCII).strip();
            if (!order.equals("little")) {
                throw refuse(file + " was written on a '" + order + "'-endian machine; only little-endian is read");
            }
        }
    }

    byte[] pickle(long limit) {
        ZipEntry entry = zip.getEntry(prefix + "data.pkl");
        if (entry.getSize() > limit) {
            throw refuse("data.pkl declares " + entry.getSize() + " bytes, more than the " + limit + " allowed");
        }
        return read(entry, entry.getSize());
    }

    /** Resolves a persistent id {@code ('storage', type, key, location, numel)} and checks it fits its entry. */
    TensorRef.StorageRef storage(StateDictUnpickler.Tuple pid) {
        var items = pid.items();
        if (items.size() != 5
                || !"storage".equals(items.get(0))
                || !(items.get(1) instanceof TorchGlobal global)
                || global.storageType() == null
                || !(items.get(2) instanceof String key)
                || !(items.get(3) instanceof String)
                || !(items.get(4) instanceof Long numel)) {
            throw refuse("a persistent id that is not ('storage', <torch storage type>, key, location, size)");
        }
        if (!KEY.matcher(key).matches()) {
            throw refuse("a storage key '" + key + "' that is not a plain name");
        }
        var entry = zip.getEntry(prefix + "data/" + key);
        if (entry == null) {
            throw refuse("storage data/" + key + " is not in the archive");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(numel, (long) global.storageType().bytes());
        } catch (ArithmeticException e) {
            bytes = -1;
        }
        if (entry.getSize() < 0 || entry.getSize() > fileSize) {
            throw refuse("archive entry data/" + key + " would expand to " + entry.getSize()
                    + " bytes, more than the whole archive (" + fileSize + " bytes)");
        }
        if (numel < 0 || bytes < 0 || bytes > entry.getSize()) {
            throw refuse("storage data/" + key + " declares " + numel + " " + global.storageType()
                    + " elements but the archive entry holds " + entry.getSize() + " bytes");
        }
        var ref = new TensorRef.StorageRef(global.storageType(), key, numel);
        var previous = storages.putIfAbsent(key, ref);
        if (previous != null && !previous.equals(ref)) {
            throw refuse("storage data/" + key + " is declared twice with different types or sizes");
        }
        return ref;
    }

    ByteBuffer readStorage(TensorRef.StorageRef ref) {
        long bytes = ref.numel() * ref.type().bytes();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw refuse("storage data/" + ref.key() + " is larger than 2 GB, which this reader does not handle");
        }
        return ByteBuffer.wrap(read(zip.getEntry(prefix + "data/" + ref.key()), bytes));
    }

    /** Reads the first {@code count} bytes of an entry, which must hold at least that many. */
    private byte[] read(ZipEntry entry, long count) {
        if (count < 0 || count > entry.getSize() || entry.getSize() > fileSize || count > Integer.MAX_VALUE - 16) {
            throw refuse("archive entry " + entry.getName() + " declares " + entry.getSize() + " bytes, which does"
                    + " not fit the " + fileSize + " bytes of the archive");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) count);
            if (bytes.length < count) {
                throw refuse("archive entry " + entry.getName() + " is truncated");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry.getName() + " of " + file, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written; a failed close leaves nothing to clean up
        }
    }
}
