package dev.glimpse.imaging.heif;

import static dev.glimpse.imaging.heif.Boxes.u16;
import static dev.glimpse.imaging.heif.Boxes.u32;
import static dev.glimpse.imaging.heif.Boxes.u8;

import dev.glimpse.imaging.heif.Boxes.Box;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The item structure of a HEIF/AVIF file ({@code meta}: primary item, items, their locations, references and
 * properties), read with {@link Boxes} from the whole file in memory. Nothing is decoded here.
 */
final class HeifContainer {

    /** An item reference ({@code dimg}, {@code auxl}, {@code cdsc}, {@code thmb}…) from one item to others. */
    record Reference(String type, int from, List<Integer> to) {}

    private final byte[] data;
    private final int primaryId;
    private final Map<Integer, HeifItem> items;
    private final List<Box> properties;
    private final Map<Integer, List<Integer>> associations;
    private final List<Reference> references;

    private HeifContainer(byte[] data, Box meta) {
        this.data = data;
        Box pitm = required(meta, "pitm");
        this.primaryId = u8(data, pitm.start()) == 0 ? u16(data, pitm.start() + 4) : (int) u32(data, pitm.start() + 4);
        Optional<Box> idat = Boxes.child(data, meta, 4, "idat");
        Map<Integer, List<HeifItem.Extent>> locations = ItemLocations.read(data, required(meta, "iloc"), idat);
        this.items = ItemInfos.read(data, required(meta, "iinf"), locations);
        Box iprp = required(meta, "iprp");
        this.properties = Boxes.child(data, iprp, 0, "ipco")
                .map(ipco -> Boxes.children(data, ipco.start(), ipco.end()))
                .orElseThrow(() -> HeifDecodingException.damaged("it has no item properties"));
        this.associations = new HashMap<>();
        for (Box box : Boxes.children(data, iprp.start(), iprp.end())) {
            if (box.type().equals("ipma")) {
                readAssociations(box);
            }
        }
        this.references =
                Boxes.child(data, meta, 4, "iref").map(this::readReferences).orElse(List.of());
        if (!items.containsKey(primaryId)) {
            throw HeifDecodingException.damaged("its primary image is missing");
        }
    }

    /** The structure of {@code file}; throws {@link HeifDecodingException} when it has none or it is damaged. */
    static HeifContainer read(byte[] file) {
        Box meta = Boxes.children(file, 0, file.length).stream()
                .filter(box -> box.type().equals("meta"))
                .findFirst()
                .orElseThrow(() -> HeifDecodingException.damaged("it has no image items"));
        return new HeifContainer(file, meta);
    }

    byte[] data() {
        return data;
    }

    HeifItem primary() {
        return items.get(primaryId);
    }

    Optional<HeifItem> item(int id) {
        return Optional.ofNullable(items.get(id));
    }

    List<HeifItem> items() {
        return List.copyOf(items.values());
    }

    /** The item's properties in their association order (transformations apply in this order). */
    List<Box> propertiesOf(HeifItem item) {
        List<Box> result = new ArrayList<>();
        for (int index : associations.getOrDefault(item.id(), List.of())) {
            if (index < 1 || index > properties.size()) {
                throw HeifDecodingException.damaged("an item has a property that does not exist");
            }
            result.add(properties.get(index - 1));
        }
        return result;
    }

    Optional<Box> property(HeifItem item, String type) {
        return propertiesOf(item).stream().filter(p -> p.type().equals(type)).findFirst();
    }

    List<Integer> referencedBy(HeifItem item, String type) {
        return references.stream()
                .filter(r -> r.type().equals(type) && r.from() == item.id())
                .flatMap(r -> r.to().stream())
                .toList();
    }

    /** Items with a reference of {@code type} to {@code item} (an alpha plane's {@code auxl}, Exif's {@code cdsc}). */
    List<HeifItem> referring(HeifItem item, String type) {
        return references.stream()
                .filter(r -> r.type().equals(type) && r.to().contains(item.id()))
                .map(r -> items.get(r.from()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The item's bytes, its extents joined. */
    byte[] bytes(HeifItem item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(item.length());
        for (HeifItem.Extent extent : item.extents()) {
            out.write(data, extent.offset(), extent.length());
        }
        return out.toByteArray();
    }

    private Box required(Box meta, String type) {
        return Boxes.child(data, meta, 4, type)
                .orElseThrow(() -> HeifDecodingException.damaged("its '" + type + "' box is missing"));
    }

    private void readAssociations(Box ipma) {
        int version = u8(data, ipma.start());
        boolean wide = (u32(data, ipma.start()) & 1) != 0;
        long count = u32(data, ipma.start() + 4);
        int position = ipma.start() + 8;
        for (long i = 0; i < count; i++) {
            int itemId = version < 1 ? u16(data, position) : (int) u32(data, position);
            position += version < 1 ? 2 : 4;
            int associationCount = u8(data, position++);
            List<Integer> indices = associations.computeIfAbsent(itemId, id -> new ArrayList<>());
            for (int a = 0; a < associationCount; a++) {
                int index = wide ? u16(data, position) & 0x7FFF : u8(data, position) & 0x7F;
                position += wide ? 2 : 1;
                if (index != 0) {
                    indices.add(index);
                }
            }
        }
    }

    private List<Reference> readReferences(Box iref) {
        boolean wide = u8(data, iref.start()) != 0;
        List<Reference> result = new ArrayList<>();
        for (Box box : Boxes.children(data, iref.start() + 4, iref.end())) {
            int position = box.start();
            int from = wide ? (int) u32(data, position) : u16(data, position);
            position += wide ? 4 : 2;
            int count = u16(data, position);
            position += 2;
            List<Integer> to = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                to.add(wide ? (int) u32(data, position) : u16(data, position));
                position += wide ? 4 : 2;
            }
            result.add(new Reference(box.type(), from, List.copyOf(to)));
        }
        return result;
    }
}
