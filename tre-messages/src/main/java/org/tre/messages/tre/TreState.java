package org.tre.messages.tre;

/** The lifecycle of tre-api.md "TRE States"; {@code deleted} is where delete leaves it. */
public enum TreState {
    draft,
    active,
    amending,
    deleted
}
