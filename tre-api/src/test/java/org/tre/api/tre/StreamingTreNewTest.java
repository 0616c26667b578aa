package org.tre.api.tre;

import org.tre.api.support.StreamingTreReadModel;

/** {@link TreNewTest} with the TRE read model streaming, as in the Axon Server deployment. */
@StreamingTreReadModel
class StreamingTreNewTest extends TreNewTest {
}
