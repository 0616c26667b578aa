package org.tre.messages.project;

/**
 * The monthly project limits of org-api.txt; null means no limit. Compute is in currency units,
 * egress in bytes, storage in currency units (a float, as the spec has it).
 */
public record SpendingLimits(Long monthlyComputeLimit, Long monthlyEgressBytesLimit, Double monthlyStorageLimit) {

    public static final SpendingLimits NONE = new SpendingLimits(null, null, null);
}
