package dev.hexcore.adapters.ai.offline;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The offline stand-in for image generation: a deterministic local transform of the input picture. Output {@code i}
 * inverts, posterises or greys the picture ({@code i % 3}) and blends it with a tint whose hue depends on the seed and
 * on {@code i}, so several outputs of one request differ from each other and from the input. PNG out.
 */
final class OfflineImageTransform {
    private static final int MAX_SIDE = 2048;
    private static final float TINT = 0.35f;

    private OfflineImageTransform() {
    }

    /** @return null when the bytes are not an image ImageIO can read (or it is too large) */
    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) return null;
            return image;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte[] transform(BufferedImage input, long seed, int index) {
        int width = input.getWidth();
        int height = input.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        float hue = (Math.floorMod(seed, 360) + index * 137) % 360 / 360f;
        int tint = Color.HSBtoRGB(hue, 0.8f, 0.9f);
        int tr = (tint >> 16) & 0xff;
        int tg = (tint >> 8) & 0xff;
        int tb = tint & 0xff;
        int operation = index % 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = input.getRGB(x, y);
                int a = (argb >>> 24) & 0xff;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                switch (operation) {
                    case 0 -> { r = 255 - r; g = 255 - g; b = 255 - b; }
                    case 1 -> { r = posterise(r); g = posterise(g); b = posterise(b); }
                    default -> { int grey = (r * 299 + g * 587 + b * 114) / 1000; r = grey; g = grey; b = grey; }
                }
                r = blend(r, tr);
                g = blend(g, tg);
                b = blend(b, tb);
                out.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static int posterise(int channel) {
        return Math.min(255, (channel / 64) * 85);
    }

    private static int blend(int channel, int tint) {
        return Math.round(channel * (1 - TINT) + tint * TINT);
    }
}
