package io.newsflow.serde;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DecayedSentiment;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.avro.SignalQuality;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One realistic instance of every generated record type, from the 2025-10-30 Meta bond story. */
final class TestRecords {

    static final Instant EARNINGS = Instant.parse("2025-10-29T20:05:00Z");
    static final Instant BOOK_TIME = Instant.parse("2025-10-30T17:45:12.345Z");

    private TestRecords() {
    }

    static PriceTick priceTick() {
        return PriceTick.newBuilder()
                .setSymbol("META").setVenue("XNAS").setPrice(666.47).setSize(1_200)
                .setEventTime(Instant.parse("2025-10-30T14:30:00.125Z")).setBid(666.45).setAsk(null)
                .build();
    }

    static BondBookUpdate bondBookUpdate() {
        return BondBookUpdate.newBuilder()
                .setDealId("META-2025-10").setIssuerName("Meta Platforms Inc.").setIssuerSymbol("META")
                .setTrancheTenor("10Y")
                .setTranches(List.of(
                        BondTranche.newBuilder().setTenor("5Y").setSize(4_000_000_000L).setSpreadGuidanceBps(75.0)
                                .setCouponPct(4.2).build(),
                        BondTranche.newBuilder().setTenor("10Y").setSize(6_500_000_000L).setSpreadGuidanceBps(97.5)
                                .setCouponPct(4.875).build(),
                        BondTranche.newBuilder().setTenor("40Y").setSize(null).setSpreadGuidanceBps(137.5)
                                .setCouponPct(null).build()))
                .setTargetSize(30_000_000_000L).setOrderBookSize(125_000_000_000L)
                .setSpreadGuidanceBps(97.5).setCouponPct(null).setStatus(BondStatus.BOOKBUILDING)
                .setEventTime(BOOK_TIME)
                .build();
    }

    static ArticleEvent articleEvent() {
        String body = "メタ・プラットフォームズは30日、総額300億ドルの社債を発行した。注文額は約1250億ドルに達した。\n\n"
                + "メタ・プラットフォームズは30日、総額300億ドルの社債を発行した。";
        return ArticleEvent.newBuilder()
                .setId("nikkei-20251031-001").setSource("日経").setUrl("https://example.jp/articles/001")
                .setTitle("メタ、300億ドル社債に注文殺到　株価は11%安")
                .setBody(body).setLanguage("ja").setPublishedAt(Instant.parse("2025-10-31T00:15:00Z"))
                .setTags(List.of("META", "社債")).setCategories(List.of("企業")).setAuthor(null)
                .setUpstreamSentiment(-0.25)
                .setFragments(List.of(
                        ArticleFragment.newBuilder().setText("メタ・プラットフォームズは30日、総額300億ドルの社債を発行した。")
                                .setRepeatOf(null).setTruncated(false).build(),
                        ArticleFragment.newBuilder().setText("注文額は約1250億ドルに達した。").build(),
                        ArticleFragment.newBuilder().setText("メタ・プラットフォームズは30日、総額300億ドルの社債を発行した。")
                                .setRepeatOf(0).setTruncated(true).build()))
                .build();
    }

    static ScoredArticle scoredArticle() {
        return ScoredArticle.newBuilder()
                .setArticleId("reuters-1").setTicker("META").setEntity("Meta Platforms").setSource("Reuters")
                .setTitle("Meta shares sink 11% as capex outlook spooks investors").setLanguage("en")
                .setPublishedAt(EARNINGS).setRelevance(0.9).setSentiment(-0.6).setUpstreamSentiment(null)
                .setNovelty(1.0).setDuplicateOf(null).setMatchedTerms(List.of("sink", "spooks"))
                .setEntities(List.of("Meta Platforms", "OpenAI"))
                .build();
    }

    static SentimentRolling sentimentRolling() {
        return SentimentRolling.newBuilder()
                .setTicker("META").setWindowLabel("1h")
                .setWindowStart(Instant.parse("2025-10-30T14:00:00Z")).setWindowEnd(Instant.parse("2025-10-30T15:00:00Z"))
                .setArticleCount(12).setNoveltyWeightedSentiment(-0.41).setPositiveCount(2).setNegativeCount(8)
                .setNeutralCount(2).setLanguageCounts(Map.of("en", 9L, "ja", 3L)).setBuzz(4.5)
                .build();
    }

    static MarketReaction marketReaction() {
        return MarketReaction.newBuilder()
                .setArticleId("reuters-1").setTicker("META").setPublishedAt(EARNINGS).setHorizonLabel("1d")
                .setHorizonMs(86_400_000L).setPriceAtPublish(751.44).setPriceAtHorizon(666.47)
                .setPriceReturn(666.47 / 751.44 - 1).setBenchmarkSymbol("QQQ").setBenchmarkReturn(0.004)
                .setAbnormalReturn(666.47 / 751.44 - 1 - 0.004).setSentiment(-0.6)
                .build();
    }

    static BondBookSummary bondBookSummary() {
        return BondBookSummary.newBuilder()
                .setDealId("META-2025-10").setIssuerName("Meta Platforms Inc.").setIssuerSymbol("META")
                .setCurrency("USD").setStatus(BondStatus.PRICED).setTargetSize(30_000_000_000L)
                .setOrderBookSize(125_000_000_000L).setPeakOrderBookSize(125_000_000_000L)
                .setOversubscription(125.0 / 30.0).setBookGrowthPerHour(2.5e10).setInitialSpreadBps(130.0)
                .setCurrentSpreadBps(97.5).setSpreadTighteningBps(32.5)
                .setFirstUpdateAt(Instant.parse("2025-10-30T12:00:00Z")).setLastUpdateAt(BOOK_TIME).setUpdateCount(7)
                .build();
    }

    static CreditEquityView creditEquityView() {
        return CreditEquityView.newBuilder()
                .setIssuerSymbol("META").setDealId("META-2025-10").setOversubscription(125.0 / 30.0)
                .setSpreadTighteningBps(32.5).setOrderBookSize(125_000_000_000L).setEquityReturn(-0.113)
                .setEquityReturnWindow("1d").setNewsSentiment(-0.41).setArticleCount(12).setDivergent(true)
                .setAsOf(BOOK_TIME)
                .build();
    }

    static PriceMoveAlert priceMoveAlert() {
        return PriceMoveAlert.newBuilder()
                .setAlertId("META|1h|2025-10-30T13:30:00Z").setSymbol("META").setWindowLabel("1h").setWindowMs(3_600_000L)
                .setDirection(MoveDirection.DOWN).setStartPrice(751.44).setEndPrice(680.0)
                .setPriceReturn(680.0 / 751.44 - 1).setThreshold(0.05).setZScore(-6.2)
                .setStartTime(Instant.parse("2025-10-30T13:30:00Z")).setTriggeredAt(Instant.parse("2025-10-30T13:41:07.001Z"))
                .setRecentSentiment(-0.41).setRecentArticleCount(12).setRecentArticleIds(List.of("reuters-1"))
                .setOpenBondDeals(List.of("META-2025-10"))
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("market.price-ticks").setPartition(3).setOffset(42L).setReason("DESERIALIZATION")
                .setDetail("Unknown magic byte 0x7b")
                .setKey(ByteBuffer.wrap("META".getBytes(StandardCharsets.UTF_8)))
                .setPayload(ByteBuffer.wrap(new byte[] {0x7b, 0x22, 0x00, (byte) 0xff}))
                .setRecordTimestamp(Instant.parse("2025-10-30T14:30:00Z")).setFailedAt(Instant.parse("2025-10-30T14:30:01Z"))
                .build();
    }

    static SignalQuality signalQuality() {
        return SignalQuality.newBuilder()
                .setTicker("META").setHorizonLabel("1d").setHorizonMs(86_400_000L).setAsOf(EARNINGS)
                .setLastArticleId("reuters-1").setArticleCount(40).setPositiveCount(18).setNegativeCount(14)
                .setMeanCarPositive(0.006).setMeanCarNegative(-0.021).setHitRate(0.625).setInformationCoefficient(0.18)
                .build();
    }

    static DecayedSentiment decayedSentiment() {
        return DecayedSentiment.newBuilder()
                .setTicker("META").setAsOf(Instant.parse("2025-10-30T20:00:00Z")).setScore(-0.9).setWeight(2.25)
                .setMeanSentiment(-0.4).setHalfLifeMs(21_600_000L).setLastArticleAt(EARNINGS)
                .build();
    }

    /** Every top-level generated record type (one per .avsc under schemas/avro). */
    static List<SpecificRecord> all() {
        return List.of(priceTick(), bondBookUpdate(), articleEvent(), scoredArticle(), sentimentRolling(),
                marketReaction(), bondBookSummary(), creditEquityView(), priceMoveAlert(), deadLetter(),
                signalQuality(), decayedSentiment());
    }
}
