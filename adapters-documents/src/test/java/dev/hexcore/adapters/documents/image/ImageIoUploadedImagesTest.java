package dev.hexcore.adapters.documents.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.upload.UploadedImages.PreparedImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the journeys cannot see easily: EXIF orientation applied and the EXIF block gone, and the side limit. */
class ImageIoUploadedImagesTest {
    private final ImageIoUploadedImages images = new ImageIoUploadedImages(40_000_000, 10_000);

    @Test
    void aJpegTaggedRotate90IsTurnedUprightAndLosesItsExif() throws IOException {
        byte[] upload = withExifOrientation(jpeg(40, 20), 6);

        PreparedImage prepared = images.prepare(upload);

        assertThat(prepared.contentType()).isEqualTo("image/jpeg");
        assertThat(prepared.width()).isEqualTo(20);
        assertThat(prepared.height()).isEqualTo(40);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(prepared.bytes()));
        assertThat(read.getWidth()).isEqualTo(20);
        assertThat(new String(prepared.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void aSideLongerThanTheLimitIsRefusedFromTheHeader() throws IOException {
        ImageIoUploadedImages narrow = new ImageIoUploadedImages(40_000_000, 30);

        assertThatThrownBy(() -> narrow.prepare(jpeg(40, 20))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("40 × 20");
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** An APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) right after the JPEG's SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8)          // header, first IFD at offset 8
                .putShort((short) 1)                                  // one entry
                .putShort((short) 0x0112).putShort((short) 3).putInt(1) // Orientation, SHORT, count 1
                .putShort((short) orientation).putShort((short) 0)
                .putInt(0);                                           // no next IFD
        byte[] exif = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))
                .put(tiff.array()).array();
        return ByteBuffer.allocate(jpeg.length + 4 + exif.length)
                .put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif)
                .put(jpeg, 2, jpeg.length - 2).array();
    }
}
