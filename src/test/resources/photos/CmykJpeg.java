import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.File;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes a picture as a four-channel Adobe CMYK JPEG (APP14 transform 0, inverted samples): java CmykJpeg.java in.png out.jpg */
public class CmykJpeg {
    public static void main(String[] args) throws Exception {
        BufferedImage rgb = ImageIO.read(new File(args[0]));
        WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(), 4, null);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                double r = (p >> 16 & 255) / 255.0, g = (p >> 8 & 255) / 255.0, b = (p & 255) / 255.0;
                double k = 1 - Math.max(r, Math.max(g, b));
                double c = k >= 1 ? 0 : (1 - r - k) / (1 - k), m = k >= 1 ? 0 : (1 - g - k) / (1 - k),
                        ye = k >= 1 ? 0 : (1 - b - k) / (1 - k);
                // Adobe's convention: 0 is full ink
                cmyk.setPixel(x, y, new int[] {ink(c), ink(m), ink(ye), ink(k)});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), param);
        }
        byte[] jpeg = bytes.toByteArray();
        // APP14 "Adobe", version 100, flags 0, transform 0 (CMYK as is, inverted samples), as Photoshop writes
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        try (var out = new java.io.FileOutputStream(args[1])) {
            out.write(jpeg, 0, 2);
            out.write(adobe);
            out.write(jpeg, 2, jpeg.length - 2);
        }
    }

    private static int ink(double amount) {
        return 255 - (int) Math.round(amount * 255);
    }
}
