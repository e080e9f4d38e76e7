package wales.safeguarding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What one side (one directory, one hub) measured; n/a figures stay empty (0, null or an empty optional). */
final class SideResult {

    final String name;
    final int agencies;
    final List<String> failures = new ArrayList<>();
    /** From {@code java -jar} to the first 200 on the readiness check, on a fresh data folder (a first start). */
    double readySeconds;
    /** The same on the data folder that start left (a restart on embedded defaults); 0 when not measured. */
    double restartSeconds;
    /** The same against a PostgreSQL and broker the hub does not start, its database already migrated; 0: n/a. */
    double externalSeconds;
    OptionalLong threadsReady = OptionalLong.empty();
    OptionalLong threadsAfter = OptionalLong.empty();
    OptionalLong rssReady = OptionalLong.empty();
    OptionalLong rssAfter = OptionalLong.empty();
    OptionalLong peakRss = OptionalLong.empty();
    double acceptedPerSecond;
    double endToEndPerSecond;
    double copiesPerSecond;
    Latencies toAccepted;
    Latencies toArrival;
    int agenciesReached;
    long repeats;
    double rawSend;
    double rawSendConsume;
    /** The open-loop phase at half the maximum: the rate asked for, and how long each wait was from when it was due. */
    double openLoopRate;
    int openLoopLate;
    Latencies openLoopToAccepted;
    Latencies openLoopToArrival;
    /** The hub JVM's stops during the open loop (collections, safepoints), or null if not read. */
    HubJvm.Pauses openLoopPauses;
    /** How long the hub's threads waited for a core during the open loop, per message sent (ms). */
    double openLoopRunQueueMsPerMessage;
    /** Heap the hub keeps (used after a full collection), its bound, and full collections during the measured run. */
    OptionalLong heapAfterFullGc = OptionalLong.empty();
    OptionalLong maxHeap = OptionalLong.empty();
    long fullCollections = -1;

    SideResult(String name, int agencies) {
        this.name = name;
        this.agencies = agencies;
    }

    boolean passed() {
        return failures.isEmpty() && toArrival != null;
    }

    double ratioToRaw() {
        return rawSendConsume == 0 ? 0 : endToEndPerSecond / rawSendConsume;
    }
}
