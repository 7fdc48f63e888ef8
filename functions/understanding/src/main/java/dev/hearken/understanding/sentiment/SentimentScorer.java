package dev.hearken.understanding.sentiment;

import dev.hearken.understanding.rules.Lexicon;

/**
 * Sentiment in [-1, 1]: the star rating when there is one ((stars - 3) / 2), blended with a multilingual
 * polarity lexicon count from the text; the text alone when there is no rating.
 */
public final class SentimentScorer {

    /** Share of the rating in the blend: stars are what the user chose to say about the app. */
    static final double RATING_WEIGHT = 0.75;

    private final Lexicon lexicon;

    public SentimentScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public double score(String lower, Integer rating) {
        int pos = lexicon.all("sentiment:positive", lower, 20).size();
        int neg = lexicon.all("sentiment:negative", lower, 20).size();
        double text = (pos - neg) / (double) (pos + neg + 1);
        if (rating == null) {
            return clamp(text);
        }
        double stars = (rating - 3) / 2.0;
        return clamp(RATING_WEIGHT * stars + (1 - RATING_WEIGHT) * text);
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
