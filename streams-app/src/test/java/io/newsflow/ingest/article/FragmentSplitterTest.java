package io.newsflow.ingest.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleFragment;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentSplitterTest {

    private final FragmentSplitter splitter = new FragmentSplitter();

    private static final String LEAD = "Meta Platforms shares tumbled about 11% on Thursday after the company lifted "
            + "its capital spending forecast.";

    @Test
    void scrapedBodyWithRepeatsSeparatorsAndACutFragment() {
        String body = String.join("\n",
                LEAD,
                "",
                "Advertisement",
                "Alphabet gained after strong cloud growth.",
                "---",
                // the same paragraph again, wrapped differently and with other punctuation spacing
                "Meta Platforms shares tumbled about 11% on Thursday",
                "after the company lifted its capital spending forecast .",
                "＊＊＊",
                "Meta Platforms shares tumbled about 11% on Thursday after the company lifted its",
                "* * *",
                "Traders said the sell-off weighed on the Nasdaq.");

        List<ArticleFragment> f = splitter.split(body);

        assertEquals(5, f.size());
        assertNull(f.get(0).getRepeatOf());
        assertNull(f.get(1).getRepeatOf());
        assertEquals(0, f.get(2).getRepeatOf(), "same text, other wrapping: exact repeat after normalisation");
        assertEquals(0, f.get(3).getRepeatOf(), "cut-off copy: near repeat by shingle containment");
        assertNull(f.get(4).getRepeatOf());
        assertTrue(f.get(3).getTruncated());
        assertFalse(f.get(0).getTruncated());
        assertFalse(f.get(4).getTruncated());
        assertEquals("Meta Platforms shares tumbled about 11% on Thursday after the company lifted its capital "
                + "spending forecast .", f.get(2).getText());
    }

    @Test
    void japaneseRepeatsAreFoundAndLinesWrappedMidSentenceJoinWithoutSpaces() {
        String body = "メタは総額300億ドルの社債を\n発行した。\n注文額は約1250億ドルに達した。\n\n＊＊＊\n\n"
                + "メタは総額３００億ドルの社債を発行した。注文額は約１２５０億ドルに達した。\n\n"
                + "一方、株価は約11%下落し";

        List<ArticleFragment> f = splitter.split(body);

        assertEquals(4, f.size());
        assertEquals("メタは総額300億ドルの社債を発行した。", f.get(0).getText(), "wrapped mid-sentence: joined");
        assertEquals("注文額は約1250億ドルに達した。", f.get(1).getText(), "a single newline after a sentence: split");
        assertEquals(0, f.get(2).getRepeatOf(), "both paragraphs run together, full-width digits: a repeat of the first");
        assertNull(f.get(3).getRepeatOf());
        assertTrue(f.get(3).getTruncated());
        assertFalse(f.get(2).getTruncated());
    }

    @Test
    void htmlParagraphsOnOneLineAreFragmentsWithoutTheirTags() {
        List<ArticleFragment> f = splitter.split("<p>Meta sold bonds on <b>Thursday</b>.</p><p>Orders were strong &amp; "
                + "broad.</p>");

        assertEquals(List.of("Meta sold bonds on Thursday.", "Orders were strong & broad."),
                f.stream().map(ArticleFragment::getText).toList());
    }

    @Test
    void aLongerParagraphThatOnlyQuotesAnEarlierOneIsNovel() {
        String body = "Meta sold bonds.\n\nMeta sold bonds. Orders reached about $125 billion, a record for any "
                + "corporate bond sale, and pricing tightened.";

        List<ArticleFragment> f = splitter.split(body);

        assertNull(f.get(1).getRepeatOf());
    }

    @Test
    void aRepeatPointsToTheFirstOccurrenceNotToAnotherRepeat() {
        List<ArticleFragment> f = splitter.split("Same words here.\n\nSame words here.\n\nSame words here.");

        assertEquals(0, f.get(1).getRepeatOf());
        assertEquals(0, f.get(2).getRepeatOf());
    }

    @Test
    void headingsListItemsAndQuotedEndingsAreNotTruncated() {
        assertFalse(FragmentSplitter.looksTruncated("## Results"));
        assertFalse(FragmentSplitter.looksTruncated("- bullet point"));
        assertFalse(FragmentSplitter.looksTruncated("He said \"we will keep investing.\""));
        assertFalse(FragmentSplitter.looksTruncated("「投資を続ける」と述べた。」"));
        assertTrue(FragmentSplitter.looksTruncated("Meta said it would"));
    }

    @Test
    void separatorLinesAreRecognised() {
        for (String s : List.of("---", "＊＊＊", "* * *", "Advertisement", "  ====  ", "広告", "・・・")) {
            assertTrue(SeparatorLines.isSeparator(s), s);
        }
        for (String s : List.of("", "Meta", "- item", "2025")) {
            assertFalse(SeparatorLines.isSeparator(s), s);
        }
    }
}
