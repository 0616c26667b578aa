package org.tre.messages.request;

/** A review step's state within one round, and the values of a request's overall {@code decision}. */
public enum StepDecision {
    pending,
    approved,
    rejected
}
