package dev.hexcore.adapters.documents.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a value into lines that fit a width: at spaces where it can, inside a word too long for a line where it must.
 * A value that needs more than {@code maxLines} lines is cut after the last one, which ends with {@value #ELLIPSIS}.
 */
final class PageText {
    static final String ELLIPSIS = "…";

    private PageText() {
    }

    /** At least one line (an empty value gives one empty line); never more than {@code maxLines}. */
    static List<String> wrap(PageFont font, String value, float size, float width, int maxLines) throws IOException {
        String text = font.printable(value).strip();
        List<String> lines = new ArrayList<>(2);
        float space = font.width(" ", size);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) continue;
            float wordWidth = font.width(word, size);
            if (!line.isEmpty() && lineWidth + space + wordWidth <= width) {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (wordWidth > width && rest.codePointCount(0, rest.length()) > 1) {
                int cut = longestFittingPrefix(font, rest, size, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                wordWidth = font.width(rest, size);
            }
            line.append(rest);
            lineWidth = wordWidth;
        }
        if (!line.isEmpty() || lines.isEmpty()) lines.add(line.toString());
        if (lines.size() <= maxLines) return lines;
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, ellipsize(font, kept.get(maxLines - 1), size, width));
        return kept;
    }

    /** {@code line} shortened from the end until it fits {@code width} with a trailing {@value #ELLIPSIS}. */
    static String ellipsize(PageFont font, String line, float size, float width) throws IOException {
        String kept = line;
        while (!kept.isEmpty() && font.width(kept.stripTrailing() + ELLIPSIS, size) > width) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1));
        }
        return kept.stripTrailing() + ELLIPSIS;
    }

    private static int longestFittingPrefix(PageFont font, String word, float size, float width) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (font.width(word.substring(0, next), size) > width) break;
            end = next;
        }
        return end;
    }
}
