package de.grantflow.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GiveWayTest {

    private static final long BATCH = 400_000_000L;

    private final GiveWay giveWay = new GiveWay(8, 50, 3);

    @Test
    void aBurstOfQuickRequestsMakesTheWorkerPauseThoughFewAreAtWorkAtOnce() {
        // 200 a second answered in 20 ms each: about four at work at any moment, 80 arrived during the batch
        assertThat(giveWay.pauseNanos(4, 80, BATCH)).isEqualTo(3 * BATCH);
    }

    @Test
    void manyRequestsAtWorkMakeTheWorkerPauseAtAnyRate() {
        assertThat(giveWay.pauseNanos(8, 0, BATCH)).isEqualTo(3 * BATCH);
    }

    @Test
    void theRateCountsFromItsThreshold() {
        assertThat(giveWay.pauseNanos(0, 20, BATCH)).as("50 a second").isEqualTo(3 * BATCH);
        assertThat(giveWay.pauseNanos(0, 19, BATCH)).as("47.5 a second").isZero();
    }

    @Test
    void aQuietNodeLetsTheWorkerGoOn() {
        assertThat(giveWay.pauseNanos(7, 5, BATCH)).isZero();
        assertThat(giveWay.pauseNanos(0, 0, BATCH)).isZero();
    }
}
