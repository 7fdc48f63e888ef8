package dev.hearken.understanding;

/** What the user wants, at the level support routing and auto-reply act on. */
public enum Intent {
    BUG,
    FEATURE_REQUEST,
    PRAISE,
    SUBSCRIPTION_BILLING,
    REFUND,
    ACCOUNT_LOGIN,
    HOW_TO,
    PRIVACY_REQUEST,
    LEGAL,
    /** One or two meaningful words, or greetings only: nothing to act on yet. */
    DUMMY,
    OTHER;

    /** The lower-case label used in training files and evaluation output ({@code subscription_billing}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The intent for a label as written by {@link #label()}, or {@link #OTHER}. */
    public static Intent fromLabel(String label) {
        for (Intent i : values()) {
            if (i.label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return OTHER;
    }
}
