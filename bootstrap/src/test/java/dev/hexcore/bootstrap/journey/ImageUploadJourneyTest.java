package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: image uploads with real JPEG, PNG and WebP files, bombs, lies and oversize bodies. */
@QuarkusTest
class ImageUploadJourneyTest {
    /** A 1 × 1 lossless WebP (ImageIO cannot write WebP, so the fixture is bytes). */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final Path STORED = Path.of("target/test-files/images");

    private Account staff;

    @BeforeEach
    void aSignedInUser() {
        staff = newUser("uploader");
    }

    @Test
    void aPngIsStoredAndServedWithImmutableCaching() throws IOException {
        Response uploaded = upload("/api/v1/upload/image", png(40, 30), "shop.png");
        uploaded.then().statusCode(201).body("width", equalTo(40)).body("height", equalTo(30))
                .body("content_type", equalTo("image/png")).body("url", startsWith("/api/v1/uploads/images/"));
        String url = uploaded.jsonPath().getString("url");

        Response served = from(newAddress()).get(url);
        served.then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(served.asByteArray()).hasSize(uploaded.jsonPath().getInt("size"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.asByteArray()));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getRGB(5, 5)).isEqualTo(Color.ORANGE.getRGB());

        from(newAddress()).header("If-None-Match", served.header("ETag")).get(url).then().statusCode(304);
        from(newAddress()).get("/api/v1/uploads/images/nope.png").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aJpegLosesItsMetadataAndStaysJpeg() throws IOException {
        byte[] jpeg = withComment(jpeg(64, 48), "GPS 55.7558N 37.6173E secret");

        Response uploaded = upload("/api/v1/uploads/images", jpeg, "photo.jpg");
        uploaded.then().statusCode(201).body("width", equalTo(64)).body("height", equalTo(48))
                .body("content_type", equalTo("image/jpeg"));
        byte[] served = from(newAddress()).get(uploaded.jsonPath().getString("url")).asByteArray();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getHeight()).isEqualTo(48);
    }

    @Test
    void aWebpIsReencodedAsPng() {
        upload("/api/v1/upload/image", WEBP, "pic.webp").then().statusCode(201)
                .body("content_type", equalTo("image/png")).body("width", equalTo(1)).body("height", equalTo(1));
    }

    @Test
    void badUploadsAreProblemsAndLeaveNothingBehind() throws IOException {
        long before = storedFiles();

        upload("/api/v1/upload/image", pngHeader(50_000, 50_000), "bomb.png").then().statusCode(422)
                .contentType(PROBLEM_JSON).body("code", equalTo("VALIDATION_FAILED"));
        upload("/api/v1/upload/image", "just some text, not a picture".getBytes(StandardCharsets.UTF_8), "fake.png")
                .then().statusCode(415).contentType(PROBLEM_JSON).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        byte[] truncated = java.util.Arrays.copyOf(png(40, 30), 60);
        upload("/api/v1/upload/image", truncated, "cut.png").then().statusCode(422).contentType(PROBLEM_JSON);
        upload("/api/v1/upload/image", new byte[11 * 1024 * 1024], "huge.png").then().statusCode(413)
                .contentType(PROBLEM_JSON);
        bearer(newAddress(), staff.tokens().access()).multiPart("other", "x").post("/api/v1/upload/image").then()
                .statusCode(422).contentType(PROBLEM_JSON);
        from(newAddress()).multiPart("file", "a.png", png(2, 2), "image/png").post("/api/v1/upload/image").then()
                .statusCode(401);

        assertThat(storedFiles()).isEqualTo(before);
    }

    private Response upload(String path, byte[] bytes, String fileName) {
        return bearer(newAddress(), staff.tokens().access()).multiPart("file", fileName, bytes, "image/png").post(path);
    }

    private static long storedFiles() throws IOException {
        if (!Files.isDirectory(STORED)) return 0;
        try (Stream<Path> files = Files.list(STORED)) {
            return files.count();
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        return picture(width, height, Color.ORANGE, "png");
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        return picture(width, height, Color.BLUE, "jpeg");
    }

    private static byte[] picture(int width, int height, Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, format);
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** A JPEG COM segment right after SOI: metadata a cleaned copy must not carry. */
    private static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG signature and an IHDR chunk (valid CRC) claiming width × height, and no pixel data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
