package dev.glimpse.imaging.heif;

import static dev.glimpse.imaging.heif.Boxes.u16;
import static dev.glimpse.imaging.heif.Boxes.u32;
import static dev.glimpse.imaging.heif.Boxes.u8;

import dev.glimpse.imaging.heif.FrameConverter.Output;
import dev.glimpse.imaging.heif.ItemProperties.Size;
import java.util.List;

/**
 * The pixels of an image item at a requested size: a coded image decoded directly, or a {@code grid} assembled from
 * its tiles (row by row, each scaled into its place) and cropped to the grid's output size. No transformation is
 * applied here.
 */
final class PictureAssembler {

    static final int MAX_TILES = 4096;

    /** A grid's layout: rows × columns of tiles covering at least the output size. */
    record Grid(int rows, int columns, Size output) {}

    private final HeifContainer container;
    private final ItemProperties properties;

    PictureAssembler(HeifContainer container) {
        this.container = container;
        this.properties = new ItemProperties(container);
    }

    ItemProperties properties() {
        return properties;
    }

    /** The item's size before transformations: a grid's output size, else its {@code ispe}. */
    Size size(HeifItem item) {
        return item.type().equals("grid") ? grid(item).output() : properties.size(item);
    }

    byte[] pixels(HeifItem item, int width, int height, Output output) {
        if (item.type().equals("grid")) {
            return assembleGrid(item, width, height, output);
        }
        if (!CodedImage.isCoded(item)) {
            throw HeifDecodingException.unsupported("images of type '" + item.type() + "'");
        }
        return CodedImageDecoder.decode(CodedImage.of(container, properties, item), width, height, output);
    }

    Grid grid(HeifItem item) {
        byte[] data = container.bytes(item);
        boolean wide = (u8(data, 1) & 1) != 0;
        int rows = u8(data, 2) + 1;
        int columns = u8(data, 3) + 1;
        long width = wide ? u32(data, 4) : u16(data, 4);
        long height = wide ? u32(data, 8) : u16(data, 6);
        if (u8(data, 0) != 0
                || width < 1
                || height < 1
                || width > HeifDecoder.MAX_SIDE
                || height > HeifDecoder.MAX_SIDE) {
            throw HeifDecodingException.damaged("its image grid is " + width + " × " + height + " pixels");
        }
        return new Grid(rows, columns, new Size((int) width, (int) height));
    }

    private byte[] assembleGrid(HeifItem item, int width, int height, Output output) {
        Grid grid = grid(item);
        List<HeifItem> tiles = tiles(item, grid);
        Size tile = properties.size(tiles.getFirst());
        if ((long) tile.width() * grid.columns() < grid.output().width()
                || (long) tile.height() * grid.rows() < grid.output().height()) {
            throw HeifDecodingException.damaged("its tiles do not cover the image");
        }
        byte[] canvas = new byte[Math.multiplyExact(Math.multiplyExact(width, height), output.bytesPerPixel)];
        for (int row = 0; row < grid.rows(); row++) {
            int top = scaled(row * tile.height(), height, grid.output().height());
            int bottom = scaled((row + 1) * tile.height(), height, grid.output().height());
            for (int column = 0; column < grid.columns(); column++) {
                int left = scaled(column * tile.width(), width, grid.output().width());
                int right =
                        scaled((column + 1) * tile.width(), width, grid.output().width());
                if (left >= width || top >= height) {
                    continue;
                }
                HeifItem tileItem = tiles.get(row * grid.columns() + column);
                CodedImage coded = tileImage(item, tileItem, tile);
                int tileWidth = Math.max(1, right - left);
                int tileHeight = Math.max(1, bottom - top);
                byte[] pixels = CodedImageDecoder.decode(coded, tileWidth, tileHeight, output);
                place(pixels, tileWidth, tileHeight, canvas, width, height, left, top, output.bytesPerPixel);
            }
        }
        return canvas;
    }

    private List<HeifItem> tiles(HeifItem item, Grid grid) {
        List<Integer> ids = container.referencedBy(item, "dimg");
        if (ids.size() != grid.rows() * grid.columns()) {
            throw HeifDecodingException.damaged(
                    "its image grid has " + ids.size() + " of " + grid.rows() * grid.columns() + " tiles");
        }
        if (ids.size() > MAX_TILES) {
            throw HeifDecodingException.unsupported("an image grid of more than " + MAX_TILES + " tiles");
        }
        return ids.stream()
                .map(id -> container.item(id).orElseThrow(() -> HeifDecodingException.damaged("a tile is missing")))
                .toList();
    }

    private CodedImage tileImage(HeifItem grid, HeifItem tileItem, Size tile) {
        if (!CodedImage.isCoded(tileItem)) {
            throw HeifDecodingException.unsupported("image grid tiles of type '" + tileItem.type() + "'");
        }
        CodedImage coded = CodedImage.of(container, properties, tileItem);
        if (!coded.size().equals(tile)) {
            throw HeifDecodingException.damaged("its image grid has tiles of different sizes");
        }
        return coded.colour().isPresent()
                ? coded
                : new CodedImage(coded.itemType(), coded.configuration(), coded.data(), tile, properties.colour(grid));
    }

    /** Where {@code position} of a {@code from}-wide image lands in a {@code to}-wide one. */
    private static int scaled(int position, int to, int from) {
        return (int) ((long) position * to / from);
    }

    private static void place(
            byte[] pixels,
            int tileWidth,
            int tileHeight,
            byte[] canvas,
            int width,
            int height,
            int left,
            int top,
            int bytesPerPixel) {
        int rowBytes = Math.min(tileWidth, width - left) * bytesPerPixel;
        for (int y = 0; y < tileHeight && top + y < height; y++) {
            System.arraycopy(
                    pixels,
                    y * tileWidth * bytesPerPixel,
                    canvas,
                    ((top + y) * width + left) * bytesPerPixel,
                    rowBytes);
        }
    }
}
