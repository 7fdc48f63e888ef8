package dev.hearken.understanding;

/** Signals that take a text out of automatic handling and in front of a person. */
public enum PrioritySignal {
    /** A data-protection request: GDPR/CCPA, "delete my account/data", data export. */
    PRIVACY,
    /** A legal threat: lawyer, lawsuit, regulator, consumer-protection body, chargeback. */
    LEGAL,
    /** A failed, declined or double payment. */
    PAYMENT_FAILURE
}
