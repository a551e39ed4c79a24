package io.newsflow.text;

import static io.newsflow.text.Articles.en;
import static io.newsflow.text.Articles.ja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LexiconSentimentScorerTest {

    private static final TextAnalysis TEXT = TextAnalysis.fromConfig(
            java.util.Map.of(TextAnalysis.SENTIMENT_SCORER, "lexicon"));
    private static final EntityMention META = new EntityMention("Meta Platforms", "META", 1.0, 1);
    private static final EntityMention NVIDIA = new EntityMention("NVIDIA", "NVDA", 1.0, 1);

    private static SentimentScore score(ArticleEvent article, EntityMention target) {
        SentimentScore score = TEXT.sentimentScorer().score(article, target);
        assertTrue(score.score() >= -1 && score.score() <= 1, "score in [-1, 1]: " + score);
        return score;
    }

    private static SentimentScore meta(String title, String body) {
        return score(en(title, body), META);
    }

    private static SentimentScore metaJa(String title, String body) {
        return score(ja(title, body), META);
    }

    @Test
    void capexWorriesAndAPlungeAreNegative() {
        SentimentScore s = meta("Meta shares plunged 11% on capex worries", "");

        assertTrue(s.score() < -0.5, s.toString());
        assertEquals(java.util.List.of("plunge", "worry"), s.matchedTerms());
    }

    @Test
    void recordDemandForABondSaleIsPositive() {
        SentimentScore s = meta("Meta's bond sale drew record demand", "");

        assertTrue(s.score() > 0.5, s.toString());
        assertEquals(java.util.List.of("record demand"), s.matchedTerms());
    }

    @Test
    void japaneseCapexConcernAndSlumpAreNegative() {
        SentimentScore s = metaJa("メタ株は設備投資への懸念から急落した", "");

        assertTrue(s.score() < -0.5, s.toString());
        assertEquals(java.util.List.of("懸念", "急落"), s.matchedTerms());
    }

    @Test
    void japaneseRecordBondDemandIsPositive() {
        SentimentScore s = metaJa("メタが社債発行", "社債には過去最大の需要が集まった。");

        assertTrue(s.score() > 0.3, s.toString());
        assertTrue(s.matchedTerms().contains("過去最大の需要"), s.toString());
    }

    @Test
    void mixedSentenceLiesBetweenItsOneSidedHalvesAndIsWeakerThanBoth() {
        SentimentScore good = meta("Meta bonds drew strong demand", "");
        SentimentScore bad = meta("Meta shares fell", "");
        SentimentScore mixed = meta("Meta bonds drew strong demand but shares fell", "");

        assertTrue(bad.score() < mixed.score() && mixed.score() < good.score(), bad + " < " + mixed + " < " + good);
        assertTrue(Math.abs(mixed.score()) < Math.min(good.score(), -bad.score()), mixed.toString());
        assertEquals(java.util.List.of("strong demand", "fell"), mixed.matchedTerms());
    }

    @Test
    void negationFlipsAConcernIntoMildReassurance() {
        SentimentScore concern = meta("Analysts: Meta spending is a concern", "");
        SentimentScore notConcern = meta("Analysts: Meta spending is not a concern", "");

        assertTrue(concern.score() < 0, concern.toString());
        assertTrue(notConcern.score() > 0, notConcern.toString());
        assertTrue(notConcern.score() < -concern.score(), "negation dampens as well as flips");
        assertEquals(java.util.List.of("not:concern"), notConcern.matchedTerms());
    }

    @Test
    void contractedNegationAndFailToFlipToo() {
        assertTrue(meta("Meta shares didn't fall after the bond sale", "").score() > 0);
        assertTrue(meta("Meta failed to beat estimates", "").score() < 0);
    }

    @Test
    void negationDoesNotCrossClausePunctuation() {
        SentimentScore s = meta("No surprise there, Meta shares plunged", "");

        assertTrue(s.score() < 0, s.toString());
        assertEquals(java.util.List.of("plunge"), s.matchedTerms());
    }

    @Test
    void japaneseNegationAfterTheTermFlipsIt() {
        SentimentScore concern = metaJa("メタの設備投資に懸念がある", "");
        SentimentScore noConcern = metaJa("メタの設備投資に懸念はない", "");
        SentimentScore didNotRise = metaJa("メタ株は上昇しなかった", "");
        SentimentScore notStrong = metaJa("メタの業績は好調とは言えない", "");

        assertTrue(concern.score() < 0, concern.toString());
        assertTrue(noConcern.score() > 0, noConcern.toString());
        assertEquals(java.util.List.of("not:懸念"), noConcern.matchedTerms());
        assertTrue(didNotRise.score() < 0, didNotRise.toString());
        assertTrue(notStrong.score() < 0, notStrong.toString());
    }

    @Test
    void japaneseVerbsThatUndoATermFlipItAndTwoNegationsCancel() {
        SentimentScore dispelled = metaJa("メタが投資家の懸念を払拭した", "");
        SentimentScore cannotDispel = metaJa("メタへの懸念が拭えない", "");
        SentimentScore fallStopped = metaJa("メタ株の下落が止まった", "");
        SentimentScore fallDoesNotStop = metaJa("メタ株の下落が止まらない", "");

        assertTrue(dispelled.score() > 0, dispelled.toString());
        assertTrue(cannotDispel.score() < 0, cannotDispel.toString());
        assertEquals(java.util.List.of("懸念"), cannotDispel.matchedTerms());
        assertTrue(fallStopped.score() > 0, fallStopped.toString());
        assertTrue(fallDoesNotStop.score() < 0, fallDoesNotStop.toString());
    }

    @Test
    void intensifiersRaiseTheMagnitude() {
        SentimentScore fell = meta("Meta shares fell", "");
        SentimentScore fellSharply = meta("Meta shares fell sharply", "");
        SentimentScore biggestDrop = meta("Meta posts biggest drop since 2022", "");

        assertTrue(fellSharply.score() < fell.score() && fell.score() < 0, fell + " / " + fellSharply);
        assertEquals(java.util.List.of("sharply:fell"), fellSharply.matchedTerms());
        assertEquals(java.util.List.of("biggest:drop"), biggestDrop.matchedTerms());
    }

    @Test
    void japaneseIntensifiersRaiseTheMagnitude() {
        SentimentScore fell = metaJa("メタ株が下落した", "");
        SentimentScore fellHeavily = metaJa("メタ株が大幅に下落した", "");
        SentimentScore fellBig = metaJa("メタ株が大きく下落した", "");

        assertTrue(fellHeavily.score() < fell.score() && fell.score() < 0, fell + " / " + fellHeavily);
        assertEquals(java.util.List.of("大幅:下落"), fellHeavily.matchedTerms());
        assertTrue(fellBig.score() < fell.score(), fellBig.toString());
    }

    @Test
    void oneArticleCanBeGoodForOneCompanyAndBadForAnother() {
        ArticleEvent article = en("Chipmakers and platforms diverge",
                "Nvidia shares surged on record demand for its chips, while Meta plunged on capex worries.");

        SentimentScore nvidia = score(article, NVIDIA);
        SentimentScore meta = score(article, META);

        assertTrue(nvidia.score() > 0.3, nvidia.toString());
        assertTrue(meta.score() < -0.3, meta.toString());
        assertEquals(java.util.List.of("surge", "record demand"), nvidia.matchedTerms());
    }

    @Test
    void japaneseMixedArticleSeparatesCompaniesByClause() {
        ArticleEvent article = ja("米ハイテク株まちまち",
                "エヌビディア株は過去最高値を更新した一方、メタ株は設備投資への懸念から急落した。");

        SentimentScore nvidia = score(article, NVIDIA);
        SentimentScore meta = score(article, META);

        assertTrue(nvidia.score() > 0.3, nvidia.toString());
        assertTrue(meta.score() < -0.3, meta.toString());
    }

    @Test
    void sentencesAboutTheEntityOutweighGeneralMarketColour() {
        SentimentScore s = meta("Markets today",
                "Stocks broadly rallied and bonds gained. Meta shares plunged after its earnings call.");

        assertTrue(s.score() < 0, s.toString());
    }

    @Test
    void entityKnownOnlyFromTagsIsScoredOnTheWholeArticle() {
        ArticleEvent article = en("Big Tech bond sale draws record demand",
                "The deal was oversubscribed several times.", "META");

        SentimentScore s = score(article, META);

        assertTrue(s.score() > 0.5, s.toString());
    }

    @Test
    void upstreamSentimentDoesNotChangeOurScore() {
        ArticleEvent plain = en("Meta shares plunged on capex worries", "");
        ArticleEvent withUpstream = ArticleEvent.newBuilder(plain).setUpstreamSentiment(0.9).build();

        assertEquals(score(plain, META).score(), score(withUpstream, META).score(), 1e-12);
    }

    @Test
    void neutralOrEmptyTextScoresZero() {
        assertEquals(0.0, meta("Meta to hold annual meeting on Tuesday", "").score());
        assertEquals(0.0, meta("", "").score());
        assertEquals(java.util.List.of(), meta("", "").matchedTerms());
    }

    @Test
    void longOneSidedArticleApproachesButStaysWithinMinusOne() {
        String body = "Meta shares plunged sharply on capex worries. ".repeat(40);

        double s = meta("Meta slumps", body).score();

        assertTrue(s < -0.95 && s >= -1, "score " + s);
    }

    @Test
    void customLexiconChangesTheScore() {
        SentimentLexicon english = SentimentLexicon.parse(new StringReader("capex\t-0.9\n"), Language.EN, "custom");
        LexiconSentimentScorer scorer = new LexiconSentimentScorer(
                AliasDictionary.defaults(), english, SentimentLexicon.defaults(Language.JA));

        SentimentScore s = scorer.score(en("Meta lifts capex again", ""), META);

        assertTrue(s.score() < -0.5, s.toString());
        assertEquals(java.util.List.of("capex"), s.matchedTerms());
    }

    @Test
    void shippedLexiconsListEachTermOnce() {
        assertEquals(java.util.List.of(), SentimentLexicon.defaults(Language.EN).duplicates());
        assertEquals(java.util.List.of(), SentimentLexicon.defaults(Language.JA).duplicates());
    }
}
