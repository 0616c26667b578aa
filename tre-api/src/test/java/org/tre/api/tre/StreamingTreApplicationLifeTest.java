package org.tre.api.tre;

import org.tre.api.support.StreamingTreReadModel;

/**
 * {@link TreApplicationLifeTest} with the TRE read model streaming, as in the Axon Server deployment:
 * a request reads its TRE's reviewers from that read model, which a reviewer change must have reached
 * before the decision that follows it.
 */
@StreamingTreReadModel
class StreamingTreApplicationLifeTest extends TreApplicationLifeTest {
}
