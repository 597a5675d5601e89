package dev.hexcore.adapters.documents.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.UnsupportedMediaTypeException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageIoDrawingImagesTest {
    private final ImageIoDrawingImages images = new ImageIoDrawingImages(40_000_000, 10_000, 1024);

    private static byte[] encode(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage decode(ImageData data) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(data.bytes()));
    }

    /** A chunk of {@code type} with {@code data}, as PNG frames it (length, type, data, CRC of type and data). */
    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        return chunk.putInt((int) crc.getValue()).array();
    }

    @Test
    void aLargeJpegIsFittedIntoTheModelsInputSquareAsAPng() throws IOException {
        ImageData prepared = images.prepare(encode(3000, 2000, "jpeg"));

        assertThat(prepared.mimeType()).isEqualTo("image/png");
        BufferedImage out = decode(prepared);
        assertThat(out.getWidth()).isEqualTo(1024);
        assertThat(out.getHeight()).isEqualTo(683);
    }

    @Test
    void aPhotoTakenSidewaysIsTurnedUprightByItsExifOrientation() throws IOException {
        byte[] jpeg = encode(300, 200, "jpeg");
        // APP1 "Exif": a little-endian TIFF header and one IFD entry, Orientation (0x0112) = 6 (rotate 90° clockwise)
        ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4).order(java.nio.ByteOrder.BIG_ENDIAN);
        exif.put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.capacity() - 2)).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        exif.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        exif.putInt(0);
        byte[] rotated = new byte[jpeg.length + exif.capacity()];
        System.arraycopy(jpeg, 0, rotated, 0, 2);                       // SOI
        System.arraycopy(exif.array(), 0, rotated, 2, exif.capacity());
        System.arraycopy(jpeg, 2, rotated, 2 + exif.capacity(), jpeg.length - 2);

        BufferedImage out = decode(images.prepare(rotated));

        assertThat(out.getWidth()).as("landscape pixels, portrait photo").isEqualTo(200);
        assertThat(out.getHeight()).isEqualTo(300);
    }

    @Test
    void theUploadsMetadataDoesNotReachTheModel() throws IOException {
        byte[] png = encode(50, 40, "png");
        byte[] text = chunk("tEXt", "Author\0Masha, Moscow, 55.75N 37.62E".getBytes(StandardCharsets.ISO_8859_1));
        byte[] tagged = new byte[png.length + text.length];
        System.arraycopy(png, 0, tagged, 0, 33);                      // signature and IHDR
        System.arraycopy(text, 0, tagged, 33, text.length);
        System.arraycopy(png, 33, tagged, 33 + text.length, png.length - 33);
        assertThat(new String(tagged, StandardCharsets.ISO_8859_1)).contains("Masha");

        ImageData prepared = images.prepare(tagged);

        assertThat(new String(prepared.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Masha").doesNotContain("tEXt");
        assertThat(decode(prepared).getWidth()).as("a small drawing is not enlarged").isEqualTo(50);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        assertThat(ImageHeaders.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).hasToString("JPEG");
        assertThat(ImageHeaders.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).hasToString("WEBP");
        assertThatExceptionOfType(UnsupportedMediaTypeException.class)
                .isThrownBy(() -> images.prepare("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertThatExceptionOfType(UnsupportedMediaTypeException.class).isThrownBy(() -> images.prepare(new byte[0]));
    }

    @Test
    void oversizeDimensionsAreRefusedFromTheHeaderAlone() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(10_000).putInt(5_000).put(new byte[] {8, 2, 0, 0, 0});
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        byte[] header = chunk("IHDR", ihdr.array());
        byte[] bomb = Arrays.copyOf(signature, signature.length + header.length);
        System.arraycopy(header, 0, bomb, signature.length, header.length);

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> images.prepare(bomb))
                .withMessageContaining("10000 × 5000").withMessageContaining("40 megapixels");
    }

    @Test
    void aTruncatedImageIsInvalidNotAServerError() throws IOException {
        byte[] jpeg = encode(300, 200, "jpeg");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> images.prepare(Arrays.copyOf(jpeg, 20)))
                .satisfies(e -> assertThat(e.errors().getFirst().field()).isEqualTo("image"));
    }
}
