package dev.hexcore.adapters.documents.export;

import dev.hexcore.adapters.documents.export.ProfileFonts.DocumentFonts;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Writes profiles as a PDF (Apache PDFBox 3), one A4 page per profile, laid out as a form a person would accept: the
 * title "Анкета / профиль" with the person's name, INN, SNILS, phone and e-mail, then the framed blocks "Паспорт РФ",
 * "Адрес регистрации" and "Финансовые сведения", and a footer saying the data are synthetic, with the profile id.
 * Labels are Russian for a {@code ru} payload and English for an {@code en} one; dates read {@code dd.MM.yyyy}, money
 * {@code 85 000,00 ₽}, the card number in groups of four. An export that matched no profile gets one page saying so.
 *
 * <p>Text is set in DejaVu Sans (regular and bold, from {@code net.sf.jasperreports:jasperreports-fonts}), embedded as
 * a subset with a Unicode map, so Cyrillic and ₽ show and are extracted correctly by any PDF reader. The fonts are
 * parsed once per JVM ({@link ProfileFonts}).
 *
 * <p>Memory stays small however many profiles a file holds: each page is drawn as its profile arrives and its
 * compressed content goes straight to a temporary file ({@link SpooledPages}), so only a few bytes per page stay on the
 * heap until the session closes; then the pages are assembled and the file is written onto the output stream, which
 * takes about a kilobyte of heap per page for the page objects while it runs (20 MB for 20,000 profiles). A session is
 * not thread-safe; the writer is, and is shared.
 *
 * <p><b>Native image:</b> the font files are read from the class path and must be included:
 * {@code quarkus.native.resources.includes=net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf,}
 * {@code net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf} (added to any includes already configured).
 */
@ApplicationScoped
public class PdfProfileWriter implements ProfileDocumentWriter {
    @Override
    public ExportFormat format() {
        return ExportFormat.PDF;
    }

    @Override
    public Session open(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        // Only the fonts live in the document's own stream cache; page contents are spooled to a file.
        PDDocument document = new PDDocument(IOUtils.createMemoryOnlyStreamCache());
        try {
            DocumentFonts fonts = ProfileFonts.shared().embedIn(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Hexcore profiles");
            info.setCreator("Hexcore");
            return new PdfSession(document, new SpooledPages(document), new ProfilePageRenderer(fonts), out);
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    private static final class PdfSession implements Session {
        private final PDDocument document;
        private final SpooledPages pages;
        private final ProfilePageRenderer renderer;
        private final OutputStream out;
        private boolean closed;

        PdfSession(PDDocument document, SpooledPages pages, ProfilePageRenderer renderer, OutputStream out) {
            this.document = document;
            this.pages = pages;
            this.renderer = renderer;
            this.out = out;
        }

        @Override
        public void write(Profile profile) throws IOException {
            if (closed) throw new IllegalStateException("The export file is already finished");
            ProfileSheet sheet = ProfileSheet.of(profile);
            pages.add(content -> renderer.draw(content, sheet));
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            try (document; pages) {
                if (pages.count() == 0) pages.add(renderer::drawEmpty);
                pages.attachTo(document);
                OutputStream buffered = new BufferedOutputStream(new KeepOpen(out), 64 * 1024);
                // Classic cross-reference table: PDFBox's object streams leave a /Size that strict checkers flag,
                // and the page contents are compressed either way.
                document.save(buffered, CompressParameters.NO_COMPRESSION);
                buffered.flush();
            }
        }
    }

    /** Passes writes through and ignores close, so the caller's stream stays open. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
