package io.newsflow.bench;

import io.newsflow.avro.ArticleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded English and Japanese articles about the benchmark's companies, built from templates with
 * positive and negative phrasing, so sentiment, entity resolution and novelty all have work to do.
 * About one in five articles is a light rewrite of an earlier one (a wire story picked up elsewhere).
 */
final class SyntheticNews {

    record Company(String ticker, String en, String ja) {
    }

    static final List<Company> COMPANIES = List.of(
            new Company("META", "Meta Platforms", "メタ・プラットフォームズ"),
            new Company("NVDA", "Nvidia", "エヌビディア"),
            new Company("GOOGL", "Alphabet", "アルファベット"),
            new Company("MSFT", "Microsoft", "マイクロソフト"),
            new Company("AMZN", "Amazon", "アマゾン"),
            new Company("AAPL", "Apple", "アップル"),
            new Company("7203.T", "Toyota Motor", "トヨタ自動車"),
            new Company("6758.T", "Sony Group", "ソニーグループ"),
            new Company("9984.T", "SoftBank Group", "ソフトバンクグループ"));

    private static final String[] EN_POSITIVE = {
        "%s shares rallied after the company beat earnings expectations and raised its full-year guidance.",
        "Analysts upgraded %s, citing strong demand, record revenue and improving margins.",
        "%s reported robust growth in its cloud business, and investors welcomed the surge in profit."};
    private static final String[] EN_NEGATIVE = {
        "%s shares fell sharply after the company warned that capital expenditure would rise steeply next year.",
        "Investors worried about weak guidance from %s, and the stock slumped to its lowest level in months.",
        "%s disappointed the market with a loss in its hardware unit and a cut to its outlook."};
    private static final String EN_FILLER =
            " The company said spending on data centres and artificial intelligence would continue to grow."
            + " Bond investors placed large orders for the new issue, while equity holders questioned the returns."
            + " Executives told analysts on a conference call that demand remained strong across regions."
            + " Trading volume was well above the thirty-day average, according to exchange data.";

    private static final String[] JA_POSITIVE = {
        "%sの株価が大幅に上昇した。決算が市場予想を上回り、通期の業績見通しを上方修正した。",
        "アナリストは%sの投資判断を引き上げた。需要が好調で、売上高は過去最高を更新した。",
        "%sはクラウド事業の力強い成長を発表し、増益を好感した買いが広がった。"};
    private static final String[] JA_NEGATIVE = {
        "%sの株価が急落した。来年の設備投資が大幅に増えるとの見通しが嫌気された。",
        "%sの弱い業績見通しを受けて投資家の懸念が強まり、株価は数カ月ぶりの安値に下落した。",
        "%sはハードウェア部門の赤字と見通しの引き下げで市場を失望させた。"};
    private static final String JA_FILLER =
            "同社はデータセンターと人工知能への投資を今後も拡大すると説明した。"
            + "社債の新規発行には大口の注文が集まった一方、株主は投資の回収に疑問を示した。"
            + "経営陣は電話会見で、各地域の需要は引き続き堅調だと述べた。"
            + "売買代金は過去30日の平均を大きく上回った。";

    private final SplittableRandom random;
    private final List<ArticleEvent> published = new ArrayList<>();
    private long sequence;

    SyntheticNews(long seed) {
        this.random = new SplittableRandom(seed);
    }

    ArticleEvent next(long publishedAtMillis) {
        long id = sequence++;
        if (!published.isEmpty() && random.nextInt(5) == 0) {
            return rewrite(published.get(random.nextInt(published.size())), id, publishedAtMillis);
        }
        Company company = COMPANIES.get(random.nextInt(COMPANIES.size()));
        boolean japanese = random.nextInt(3) == 0;
        boolean positive = random.nextBoolean();
        ArticleEvent article = japanese
                ? article(id, company, "ja", pick(positive ? JA_POSITIVE : JA_NEGATIVE), company.ja(), JA_FILLER,
                        publishedAtMillis)
                : article(id, company, "en", pick(positive ? EN_POSITIVE : EN_NEGATIVE), company.en(), EN_FILLER,
                        publishedAtMillis);
        if (published.size() < 1_000) {
            published.add(article);
        }
        return article;
    }

    /** The English article of the JMH text benchmarks: negative, about Meta, with filler. */
    static ArticleEvent sampleEnglish() {
        return article(0, COMPANIES.get(0), "en", EN_NEGATIVE[0], COMPANIES.get(0).en(), EN_FILLER, 0);
    }

    /** The Japanese counterpart of {@link #sampleEnglish()}. */
    static ArticleEvent sampleJapanese() {
        return article(1, COMPANIES.get(0), "ja", JA_NEGATIVE[0], COMPANIES.get(0).ja(), JA_FILLER, 0);
    }

    private static ArticleEvent article(long id, Company company, String language, String template, String name,
            String filler, long publishedAtMillis) {
        String lead = String.format(template, name);
        return ArticleEvent.newBuilder()
                .setId("bench-" + id)
                .setSource(language.equals("ja") ? "bench-wire-jp" : "bench-wire")
                .setUrl(null)
                .setTitle(lead.substring(0, Math.min(lead.length(), language.equals("ja") ? 30 : 80)))
                .setBody(lead + (language.equals("ja") ? "" : " ") + filler)
                .setLanguage(language)
                .setPublishedAt(Instant.ofEpochMilli(publishedAtMillis))
                .setTags(List.of(company.ticker()))
                .setCategories(List.of("markets"))
                .setAuthor(null)
                .setUpstreamSentiment(null)
                .setFragments(List.of())
                .build();
    }

    private ArticleEvent rewrite(ArticleEvent original, long id, long publishedAtMillis) {
        return ArticleEvent.newBuilder(original)
                .setId("bench-" + id)
                .setSource(original.getSource() + "-syndicated")
                .setBody(original.getBody() + (original.getLanguage().equals("ja") ? "（共同）" : " (Reuters)"))
                .setPublishedAt(Instant.ofEpochMilli(publishedAtMillis))
                .build();
    }

    private String pick(String[] templates) {
        return templates[random.nextInt(templates.length)];
    }
}
