package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticker-form and common-word rules of {@link AliasDictionary}, on a small dictionary. */
class AliasDictionaryContextTest {

    private static final AliasDictionary DICTIONARY = AliasDictionary.parse(new StringReader(String.join("\n",
            "Target\tTGT\t?Target|ターゲット\t-price|+retailer",
            "Amazon.com\tAMZN\tAmazon\t-rainforest",
            "Gartner\tIT\tGartner",
            "Toyota Motor\t7203.T\tトヨタ",
            "Alphabet\tGOOGL\tGoogle|$GOOG")), "test");

    private static List<String> found(String text) {
        return DICTIONARY.findMatches(text).stream().map(m -> m.entity().name()).toList();
    }

    @Test
    void aBareTickerIsAWordNotACompany() {
        assertEquals(List.of(), found("IT budgets grow while TGT and IT stay quiet."));
        assertEquals(List.of("Gartner", "Target"), found("$IT rose; (NYSE: TGT) fell."));
        assertEquals(List.of("Alphabet"), found("Options on $GOOG were active."));
    }

    @Test
    void aTokyoCodeMatchesInItsTickerForms() {
        assertEquals(List.of("Toyota Motor", "Toyota Motor", "Toyota Motor", "Toyota Motor"),
                found("トヨタ<7203>と7203.T、TSE: 7203。(7203) は年号かもしれない。"));
    }

    @Test
    void aCommonWordCountsOnlyWithCompanyContext() {
        assertEquals(List.of(), found("Target dates slipped again."));
        assertEquals(List.of("Target"), found("Target shares fell 3%."));
        assertEquals(List.of("Target"), found("Target, the retailer, cut prices."));
    }

    @Test
    void anUnambiguousMentionElsewhereConfirmsTheCommonWord() {
        assertEquals(List.of("Target", "Target"), found("(NYSE: TGT) reported today. Target beat estimates."));
    }

    @Test
    void aVetoCueNearAMentionRemovesIt() {
        assertEquals(List.of(), found("Analysts lifted the price Target for shares."));
        assertEquals(List.of(), found("The Amazon rainforest shrank."));
        assertEquals(List.of("Amazon.com"), found("The Amazon rainforest shrank. Amazon hired 1,000 people."));
    }

    @Test
    void contextStopsAtTheSentence() {
        assertEquals(List.of(), found("Shares fell. Target dates slipped."));
    }
}
