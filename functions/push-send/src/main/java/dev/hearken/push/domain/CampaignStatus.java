package dev.hearken.push.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a campaign is in its life: {@code draft → scheduled → running → done}, with {@code paused} (back to
 * {@code scheduled} when scheduled again) and {@code cancelled} (terminal) on the side.
 *
 * <p>Only the operator's decisions are stored on the campaign ({@code draft}, {@code scheduled}, {@code paused},
 * {@code cancelled}); {@code running} and {@code done} are read from the run's progress in the ledger, which
 * push-campaign writes anyway. So the fan-out never writes the campaign item, and an operator's version of it
 * changes only when an operator changes it.
 *
 * <p>A campaign stored without a status (the shipped seeds, items the app backend wrote before the operator API)
 * is a {@link #DRAFT} to the operator API, and push-campaign still runs it when an event names it, as before.
 */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    RUNNING,
    DONE,
    PAUSED,
    CANCELLED;

    private static final Set<CampaignStatus> SCHEDULABLE = EnumSet.of(DRAFT, PAUSED);
    private static final Set<CampaignStatus> PAUSABLE = EnumSet.of(SCHEDULED, RUNNING);
    private static final Set<CampaignStatus> CANCELLABLE = EnumSet.of(DRAFT, SCHEDULED, RUNNING, PAUSED);
    private static final Set<CampaignStatus> EDITABLE = EnumSet.of(DRAFT, PAUSED);
    private static final Set<CampaignStatus> DELETABLE = EnumSet.of(DRAFT, DONE, CANCELLED);

    /** The wire name, lower-case ({@code draft}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this wire name; {@code null} for a campaign stored without one (legacy: a draft). */
    public static CampaignStatus parse(String value) {
        if (value == null) {
            return null;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The status an operator sees: the stored decision, with a scheduled campaign's run progress folded in.
     *
     * @param stored     what the campaign item holds ({@code null}: legacy, a draft)
     * @param runStarted whether push-campaign has started the campaign's current run
     * @param runDone    whether that run enqueued its whole audience
     */
    public static CampaignStatus effective(CampaignStatus stored, boolean runStarted, boolean runDone) {
        if (stored == null) {
            return DRAFT;
        }
        if (stored == SCHEDULED && runStarted) {
            return runDone ? DONE : RUNNING;
        }
        return stored;
    }

    /** Whether {@code schedule} may (re)arm the campaign: a draft, or a paused one (it resumes its run). */
    public boolean canSchedule() {
        return SCHEDULABLE.contains(this);
    }

    /** Whether {@code pause} applies: the campaign waits for its time or is being fanned out. */
    public boolean canPause() {
        return PAUSABLE.contains(this);
    }

    /** Whether {@code cancel} applies: anything not finished. */
    public boolean canCancel() {
        return CANCELLABLE.contains(this);
    }

    /** Whether the definition may be edited: not while armed or sending, nor once over. */
    public boolean canEdit() {
        return EDITABLE.contains(this);
    }

    /** Whether the campaign may be deleted: never while it is armed, sending or paused mid-run. */
    public boolean canDelete() {
        return DELETABLE.contains(this);
    }

    /**
     * Whether push-campaign fans a campaign with this <em>stored</em> status out: a scheduled one, or one stored
     * without a status (legacy); a draft, a paused and a cancelled campaign stop at the next page.
     */
    public static boolean runnable(CampaignStatus stored) {
        return stored == null || stored == SCHEDULED;
    }
}
