package dev.hexcore.adapters.documents.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SpooledPagesTest {
    @Test
    void pagesKeepTheirOrderAndTheSpoolFileIsDeleted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file;
        try (PDDocument document = new PDDocument(IOUtils.createMemoryOnlyStreamCache());
             SpooledPages pages = new SpooledPages(document)) {
            PageFont font = ProfileFonts.shared().embedIn(document).regular();
            file = pages.file();
            for (String text : new String[]{"первая", "second", "третья"}) {
                pages.add(content -> say(content, font, text));
            }
            pages.attachTo(document);
            document.save(out);
        }

        assertThat(file).doesNotExist();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf).strip()).isEqualTo("second");
            assertThat(pdf.getPage(2).getMediaBox().getHeight()).isEqualTo(SpooledPages.PAGE_SIZE.getHeight());
        }
    }

    @Test
    void anAbandonedDocumentLeavesNoFile() throws IOException {
        Path file;
        try (PDDocument document = new PDDocument(IOUtils.createMemoryOnlyStreamCache());
             SpooledPages pages = new SpooledPages(document)) {
            PageFont font = ProfileFonts.shared().embedIn(document).regular();
            file = pages.file();
            pages.add(content -> say(content, font, "never saved"));
        }

        assertThat(file).doesNotExist();
    }

    private static void say(PDPageContentStream content, PageFont font, String text) throws IOException {
        content.beginText();
        content.setFont(font.pdf(), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
    }
}
