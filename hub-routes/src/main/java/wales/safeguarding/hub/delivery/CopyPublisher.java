package wales.safeguarding.hub.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.tracking.Acceptance;

/**
 * Queues accepted messages' copies after the sender has had its answer, in batches. A message is the hub's
 * responsibility once it is stored (PostgreSQL is the record, its copies {@code accepted}); putting the copies on the
 * broker is the next step, not part of the answer. One thread takes what has been accepted since its last batch (up
 * to {@code hub.delivery.publish-batch} messages) and hands it to {@link DeliveryQueues#publishAll}: one broker
 * transaction and one database transaction for the batch instead of one broker sync per copy and one transaction per
 * message, on the thread that answers the sender.
 *
 * <p>Nothing is lost: a copy not queued here (the hub stopped, the broker failed, the backlog was full) stays
 * {@code accepted} and the {@link OutboxSweeper} queues it after {@code hub.delivery.outbox-grace}. When
 * {@code hub.delivery.publish-backlog} messages wait, the sender's thread queues its own copies (the answer waits, as
 * before), so a slow broker slows intake instead of filling the heap. The backlog is kept small on purpose: a copy
 * must not wait here anywhere near the outbox grace (the sweeper would send it too), and under more load than one
 * thread can queue the senders' threads share the work, as they did before this class. With a backlog of 2,000 the
 * benchmark's copies waited 6-16 s here (POST to arrival p50) and the sweeper sent 83 of them a second time.
 */
@ApplicationScoped
public class CopyPublisher {

    private static final Logger LOG = Logger.getLogger(CopyPublisher.class);

    private final DeliveryQueues queues;
    private final boolean after;
    private final int batch;
    private final BlockingQueue<Acceptance> waiting;
    private final Thread worker;
    private volatile boolean running = true;

    public CopyPublisher(DeliveryQueues queues,
            @ConfigProperty(name = "hub.delivery.publish-after-answer", defaultValue = "true") boolean after,
            @ConfigProperty(name = "hub.delivery.publish-batch", defaultValue = "32") int batch,
            @ConfigProperty(name = "hub.delivery.publish-backlog", defaultValue = "64") int backlog) {
        if (batch < 1 || backlog < 1) {
            throw new IllegalArgumentException("hub.delivery.publish-batch and hub.delivery.publish-backlog must be at "
                    + "least 1, were " + batch + " and " + backlog);
        }
        this.queues = queues;
        this.after = after;
        this.batch = batch;
        this.waiting = new ArrayBlockingQueue<>(backlog);
        this.worker = new Thread(this::run, "copy-publisher");
        this.worker.setDaemon(true);
        if (after) {
            worker.start();
        }
    }

    /**
     * Queues the copies of a message and of those the hub made from it: after the answer, or at once on this thread
     * when publishing after the answer is off or the backlog is full.
     */
    public void publish(List<Acceptance> accepted) {
        if (after && running) {
            int offered = 0;
            for (Acceptance acceptance : accepted) {
                if (!waiting.offer(acceptance)) {
                    break;
                }
                offered++;
            }
            if (offered == accepted.size()) {
                return;
            }
            accepted = accepted.subList(offered, accepted.size());
        }
        queues.publishAll(accepted);
    }

    private void run() {
        List<Acceptance> next = new ArrayList<>(batch);
        while (running || !waiting.isEmpty()) {
            try {
                Acceptance first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                next.add(first);
                waiting.drainTo(next, batch - 1);
                queues.publishAll(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // publishAll logs its own failures; anything else leaves the copies to the outbox sweeper
                LOG.warnf("could not queue %d messages' copies yet (%s); the outbox sweeper will", next.size(),
                        e.getClass().getSimpleName());
            } finally {
                next.clear();
            }
        }
    }

    /** Queues what is waiting before the hub stops (at most 5 s; the outbox sweeper queues anything left). */
    @PreDestroy
    void drain() {
        running = false;
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waiting.isEmpty()) {
            LOG.infof("%d accepted messages left for the outbox sweeper to queue", waiting.size());
        }
    }
}
