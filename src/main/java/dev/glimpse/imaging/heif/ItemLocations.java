package dev.glimpse.imaging.heif;

import static dev.glimpse.imaging.heif.Boxes.number;
import static dev.glimpse.imaging.heif.Boxes.u16;
import static dev.glimpse.imaging.heif.Boxes.u32;
import static dev.glimpse.imaging.heif.Boxes.u8;

import dev.glimpse.imaging.heif.Boxes.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code iloc} box: where each item's bytes are, as absolute extents in the file (in the file itself, or in
 * the {@code idat} box). Items in other files or built from other items' bytes are refused.
 */
final class ItemLocations {

    private static final int IN_FILE = 0;
    private static final int IN_IDAT = 1;

    private ItemLocations() {}

    static Map<Integer, List<HeifItem.Extent>> read(byte[] data, Box iloc, Optional<Box> idat) {
        int version = u8(data, iloc.start());
        int position = iloc.start() + 4;
        int offsetSize = u8(data, position) >> 4;
        int lengthSize = u8(data, position) & 0xF;
        int baseOffsetSize = u8(data, position + 1) >> 4;
        int indexSize = version >= 1 ? u8(data, position + 1) & 0xF : 0;
        position += 2;
        long count = version < 2 ? u16(data, position) : u32(data, position);
        position += version < 2 ? 2 : 4;
        Map<Integer, List<HeifItem.Extent>> locations = new HashMap<>();
        for (long i = 0; i < count; i++) {
            int itemId = version < 2 ? u16(data, position) : (int) u32(data, position);
            position += version < 2 ? 2 : 4;
            int method = IN_FILE;
            if (version >= 1) {
                method = u16(data, position) & 0xF;
                position += 2;
            }
            if (u16(data, position) != 0) {
                throw HeifDecodingException.unsupported("an image stored in another file");
            }
            position += 2;
            long base = number(data, position, baseOffsetSize);
            position += baseOffsetSize;
            int extentCount = u16(data, position);
            position += 2;
            List<HeifItem.Extent> extents = new ArrayList<>(extentCount);
            for (int e = 0; e < extentCount; e++) {
                position += indexSize;
                long offset = number(data, position, offsetSize);
                long length = number(data, position + offsetSize, lengthSize);
                position += offsetSize + lengthSize;
                extents.add(extent(data, method, idat, base + offset, length));
            }
            locations.put(itemId, List.copyOf(extents));
        }
        return locations;
    }

    private static HeifItem.Extent extent(byte[] data, int method, Optional<Box> idat, long offset, long length) {
        long start;
        long limit;
        if (method == IN_FILE) {
            start = offset;
            limit = data.length;
        } else if (method == IN_IDAT) {
            Box box = idat.orElseThrow(() -> HeifDecodingException.damaged("its 'idat' box is missing"));
            start = box.start() + offset;
            limit = box.end();
        } else {
            throw HeifDecodingException.unsupported("an item built from other items' bytes");
        }
        if (length <= 0 || offset < 0 || start + length > limit) {
            throw HeifDecodingException.damaged("an item lies outside the file");
        }
        return new HeifItem.Extent((int) start, (int) length);
    }
}
