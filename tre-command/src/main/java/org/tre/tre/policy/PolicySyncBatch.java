package org.tre.tre.policy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How many projects one step of a policy synchronization sets: one transaction's worth. */
@Component
public class PolicySyncBatch {

    private final int size;

    public PolicySyncBatch(@Value("${tre.policy-sync.batch-size:100}") int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }
}
