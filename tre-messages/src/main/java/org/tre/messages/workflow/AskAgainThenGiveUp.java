package org.tre.messages.workflow;

/**
 * What a saga does when its deadline finds a step unanswered: it asks again while attempts remain,
 * gives up once they are spent (recording why, so the give-up is in the owner's history), and ends at
 * the deadline after the give-up whatever the owner heard. Every saga that waits on other aggregates
 * counts its passed deadlines and asks this, so they all end by the same rule.
 *
 * <p>Not a message: it sits beside the contract because it is the one rule the sagas of both contexts
 * share, and this is the only module both depend on. It holds no state; the saga keeps its count.
 */
public enum AskAgainThenGiveUp {
    ASK_AGAIN, GIVE_UP, END;

    /**
     * @param deadlinesPassed the step's deadlines passed so far, this one included (1 at the first)
     * @param attempts        how often the step may be asked in all, the first time included (at least 1)
     */
    public static AskAgainThenGiveUp at(int deadlinesPassed, int attempts) {
        if (attempts < 1 || deadlinesPassed < 1) {
            throw new IllegalArgumentException("attempts " + attempts + ", deadlines passed " + deadlinesPassed);
        }
        if (deadlinesPassed < attempts) {
            return ASK_AGAIN;
        }
        return deadlinesPassed == attempts ? GIVE_UP : END;
    }
}
