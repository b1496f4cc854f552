package dev.glimpse.hardening;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/** What hostile clients send: odd query words and numbers, file names, content types, and damaged bytes. */
final class HostileValues {

    static final String[] WORDS = {"red", "car", "beach", "a dog on the grass", "夕焼け", "🌅", "x"};
    static final String[] BAD_NUMBERS = {
        "-1", "0", "101", "abc", "1e3", "99999999999", "", "%00", "2147483647", "10737419", "NaN", "١٢"
    };
    static final String[] FILE_NAMES = {
        "photo.png",
        "evil\0.png",
        "invoice\u202Egnp.exe",
        "夏".repeat(150) + ".png",
        "../../etc/passwd",
        "C:\\\\Windows\\\\win.ini",
        "\r\nX-Injected: 1",
        "a\"b.png",
        "",
        "x".repeat(9000),
        "\uFEFF\u200B.jpg"
    };
    static final String[] CONTENT_TYPES = {
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"unterminated",
        "multipart/form-data; boundary=" + "b".repeat(200),
        "multipart/mixed; boundary=B",
        "multipart/form-data; boundary=B; charset=ebcdic",
        "text/plain",
        "application/json",
        "application/x-www-form-urlencoded",
        "",
        "multipart/form-data; boundary=B\0"
    };

    private HostileValues() {}

    /** The bytes cut, with bytes flipped or inserted, with bare line feeds, or replaced by noise; says which. */
    static byte[] mutate(Random random, byte[] original, List<String> changes) {
        byte[] bytes = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                changes.add("cut");
                return java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
            }
            case 1 -> {
                changes.add("flipped bytes");
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return bytes;
            }
            case 2 -> {
                changes.add("inserted bytes");
                int at = random.nextInt(bytes.length + 1);
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(noise);
                out.write(bytes, at, bytes.length - at);
                return out.toByteArray();
            }
            case 3 -> {
                changes.add("bare line feeds");
                return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .replace("\r\n", "\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            default -> {
                changes.add("random bytes");
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                return noise;
            }
        }
    }
}
