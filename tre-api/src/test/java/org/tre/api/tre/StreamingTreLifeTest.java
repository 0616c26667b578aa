package org.tre.api.tre;

import org.tre.api.support.StreamingTreReadModel;

/** {@link TreLifeTest} with the TRE read model streaming, as in the Axon Server deployment. */
@StreamingTreReadModel
class StreamingTreLifeTest extends TreLifeTest {
}
