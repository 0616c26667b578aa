package org.tre.messages.project;

/**
 * What {@code /org-xxxx/bulkUpdateProjectLimit} changes: a limit not {@code …Given} stays as it is;
 * given with a null value, it is removed.
 */
public record SpendingLimitsChange(boolean computeGiven,
                                   Long monthlyComputeLimit,
                                   boolean egressGiven,
                                   Long monthlyEgressBytesLimit,
                                   boolean storageGiven,
                                   Double monthlyStorageLimit) {
}
