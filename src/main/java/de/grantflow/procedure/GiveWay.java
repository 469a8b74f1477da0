package de.grantflow.procedure;

/**
 * When an intake worker gives way to the API after a full batch, and for how long: while the node is busy answering
 * requests, it pauses for {@code factor} times as long as the batch took. Busy means at least {@code aboveAtWork}
 * requests at work when the batch ends, or requests arriving during the batch at least {@code abovePerSecond} a second.
 * <p>
 * The arrival rate is the signal that a burst is on: the front door answers a submission in about 20 ms, so at 200 a
 * second only about four requests are at work at any moment, and a threshold on those alone left the intake at full
 * speed through a whole burst while the answers slowed (issue 7, nineteenth session).
 */
record GiveWay(int aboveAtWork, double abovePerSecond, int factor) {

    /** The pause after a full batch that took {@code tookNanos}, during which {@code arrived} requests came in. */
    long pauseNanos(int atWork, long arrived, long tookNanos) {
        boolean busy = atWork >= aboveAtWork || arrived * 1e9 >= abovePerSecond * tookNanos;
        return busy ? factor * tookNanos : 0;
    }
}
