package io.newsflow.text;

import static io.newsflow.text.Articles.en;
import static io.newsflow.text.Articles.ja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AliasEntityResolverTest {

    private static final AliasDictionary DICTIONARY = AliasDictionary.defaults();
    private final AliasEntityResolver resolver = new AliasEntityResolver(DICTIONARY);

    private static List<String> tickers(List<EntityMention> mentions) {
        return mentions.stream().map(m -> m.ticker() == null ? m.entity() : m.ticker()).toList();
    }

    private static Map<String, EntityMention> byEntity(List<EntityMention> mentions) {
        return mentions.stream().collect(Collectors.toMap(EntityMention::entity, Function.identity()));
    }

    @Test
    void englishHeadlineEntityOutranksAPassingMention() {
        List<EntityMention> mentions = resolver.resolve(en(
                "Meta sells $30 billion of bonds as order book tops $125 billion",
                "Meta Platforms drew one of the largest order books on record for its bond sale. "
                        + "The company will fund data centers. "
                        + "Investors compared the deal with earlier sales by Microsoft and Amazon."));

        assertEquals(List.of("META", "AMZN", "MSFT"), tickers(mentions));
        EntityMention meta = mentions.get(0);
        assertEquals("Meta Platforms", meta.entity());
        assertEquals(2, meta.mentions());
        assertTrue(meta.relevance() > 0.85, "title + lead: " + meta.relevance());
        assertTrue(mentions.get(1).relevance() < 0.3, "one passing mention: " + mentions.get(1).relevance());
    }

    @Test
    void tagsAloneResolveEntitiesIncludingTickerFormsAndJapaneseNames() {
        List<EntityMention> mentions = resolver.resolve(en("Tech earnings roundup", "Results were mixed.",
                "$NVDA", "NASDAQ:META", "グーグル", "earnings"));

        Map<String, EntityMention> byEntity = byEntity(mentions);
        assertEquals(3, mentions.size());
        assertEquals("NVDA", byEntity.get("NVIDIA").ticker());
        assertEquals("META", byEntity.get("Meta Platforms").ticker());
        assertEquals("GOOGL", byEntity.get("Alphabet").ticker());
        assertEquals(1, byEntity.get("NVIDIA").mentions());
    }

    @Test
    void tagMentionsAddToTextMentionsAndRaiseRelevance() {
        String body = "Analysts also mentioned Nvidia.";
        double untagged = resolver.resolve(en("Chip stocks", body)).get(0).relevance();
        EntityMention tagged = resolver.resolve(en("Chip stocks", body, "NVDA")).get(0);

        assertEquals(2, tagged.mentions());
        assertTrue(tagged.relevance() > untagged);
    }

    @Test
    void metaIsNotFoundInsideOtherWordsOrInLowerCase() {
        List<EntityMention> mentions = resolver.resolve(en(
                "Metadata standards update",
                "Metadata about meta tags and metaverse assets was published. Nothing about the company."));

        assertEquals(List.of(), mentions);
    }

    @Test
    void tickersInTextResolveWithOrWithoutDollarSign() {
        List<EntityMention> mentions = resolver.resolve(en("Movers", "$META fell while NVDA rose."));

        assertEquals(List.of("META", "NVDA"), tickers(mentions).stream().sorted().toList());
    }

    @Test
    void caseInsensitiveAliasesMatchAnyCasing() {
        List<EntityMention> mentions = resolver.resolve(en("NVIDIA AND nvidia", "Nvidia chips."));

        assertEquals("NVDA", mentions.get(0).ticker());
        assertEquals(3, mentions.get(0).mentions());
    }

    @Test
    void openAiIsAnEntityWithoutTicker() {
        List<EntityMention> mentions = resolver.resolve(en("OpenAI signs cloud deal with Oracle", "OpenAI will rent capacity."));

        EntityMention openAi = byEntity(mentions).get("OpenAI");
        assertNull(openAi.ticker());
        assertEquals(2, openAi.mentions());
        assertEquals("OpenAI", mentions.get(0).entity());
    }

    @Test
    void japaneseAliasesMatchAsSubstringsButNotInsideKatakanaWords() {
        List<EntityMention> meta = resolver.resolve(ja("メタ株が急落", "米メタ・プラットフォームズは30日、社債を発行した。"));
        List<EntityMention> methane = resolver.resolve(ja("メタンガス価格が上昇", "メタン排出規制とメタバース関連の話題。"));

        assertEquals(List.of("META"), tickers(meta));
        assertEquals(2, meta.get(0).mentions(), "メタ・プラットフォームズ counts once, not also as メタ");
        assertEquals(List.of(), methane);
    }

    @Test
    void japaneseArticleResolvesSeveralCompaniesOrderedByRelevance() {
        List<EntityMention> mentions = resolver.resolve(ja(
                "エヌビディア株が最高値",
                "エヌビディアの株価が上昇した。半導体需要は強い。\n"
                        + "アマゾンやグーグルもAI投資を拡大している。オープンAIとの提携も話題だ。"));

        assertEquals("NVDA", mentions.get(0).ticker());
        assertEquals(4, mentions.size());
        EntityMention openAi = byEntity(mentions).get("OpenAI");
        assertNull(openAi.ticker());
        assertTrue(mentions.get(0).relevance() > openAi.relevance());
    }

    @Test
    void fullWidthAndHalfWidthFormsAreNormalisedBeforeMatching() {
        List<EntityMention> mentions = resolver.resolve(ja("ＭＥＴＡとﾒﾀの話", "本文"));

        assertEquals(List.of("META"), tickers(mentions));
        assertEquals(2, mentions.get(0).mentions());
    }

    @Test
    void relevanceStaysWithinZeroAndOneEvenForHeavyCoverage() {
        String body = "Meta. ".repeat(50);
        EntityMention meta = resolver.resolve(en("Meta Meta Meta", body, "META", "Meta")).get(0);

        assertTrue(meta.relevance() > 0.9 && meta.relevance() <= 1.0, "relevance " + meta.relevance());
    }

    @Test
    void articleWithoutKnownEntitiesOrTextResolvesToNothing() {
        assertEquals(List.of(), resolver.resolve(en("", "")));
        assertEquals(List.of(), resolver.resolve(ja("日銀が政策金利を据え置き", "市場は落ち着いていた。")));
    }

    @Test
    void customDictionaryDrivesResolution() {
        AliasDictionary custom = AliasDictionary.parse(new StringReader(
                "# test dictionary\nSoftBank Group\t9984\t~SoftBank|ソフトバンクグループ|ソフトバンクG\n"), "custom");

        List<EntityMention> mentions = new AliasEntityResolver(custom).resolve(ja("ソフトバンクGが反発", "メタも上昇。"));

        assertEquals(List.of("9984"), tickers(mentions));
    }

    @Test
    void malformedDictionaryLineIsReportedWithItsLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AliasDictionary.parse(
                new StringReader("Meta Platforms\tMETA\tMeta\nbroken line without tabs\n"), "bad.tsv"));

        assertTrue(e.getMessage().startsWith("bad.tsv:2:"), e.getMessage());
    }
}
