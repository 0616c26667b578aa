package org.tre.api.tre;

import org.tre.api.support.StreamingTreReadModel;

/** {@link TreSideEffectsTest} with the TRE read model streaming, as in the Axon Server deployment. */
@StreamingTreReadModel
class StreamingTreSideEffectsTest extends TreSideEffectsTest {
}
