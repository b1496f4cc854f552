package dev.glimpse.imaging.heif;

import static dev.glimpse.imaging.heif.Boxes.u16;
import static dev.glimpse.imaging.heif.Boxes.u32;
import static dev.glimpse.imaging.heif.Boxes.u8;

import dev.glimpse.imaging.heif.Boxes.Box;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code iinf} box: each item's type ({@code infe} versions 2 and 3), whether it is hidden, a MIME type. */
final class ItemInfos {

    private ItemInfos() {}

    static Map<Integer, HeifItem> read(byte[] data, Box iinf, Map<Integer, List<HeifItem.Extent>> locations) {
        int entriesStart = iinf.start() + (u8(data, iinf.start()) == 0 ? 6 : 8);
        Map<Integer, HeifItem> items = new HashMap<>();
        for (Box infe : Boxes.children(data, entriesStart, iinf.end())) {
            if (!infe.type().equals("infe")) {
                continue;
            }
            int version = u8(data, infe.start());
            if (version < 2) {
                continue; // pre-HEIF item entries have no item type: nothing Glimpse reads
            }
            boolean hidden = (u32(data, infe.start()) & 1) != 0;
            int position = infe.start() + 4;
            int id = version == 2 ? u16(data, position) : (int) u32(data, position);
            position += (version == 2 ? 2 : 4) + 2;
            String type = Boxes.fourCc(data, position);
            position += 4;
            String name = Boxes.cString(data, position, infe.end());
            position += name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            String contentType =
                    type.equals("mime") && position < infe.end() ? Boxes.cString(data, position, infe.end()) : "";
            items.put(id, new HeifItem(id, type, hidden, contentType, locations.getOrDefault(id, List.of())));
        }
        return items;
    }
}
