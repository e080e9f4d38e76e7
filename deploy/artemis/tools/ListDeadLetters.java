import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import javax.jms.Connection;
import javax.jms.Message;
import javax.jms.QueueBrowser;
import javax.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Lists the copies on the hub's dead-letter queue by their Hub* headers only: never a body, which holds the
 * message's content about a child. Browses, so nothing is taken off the queue.
 *
 * Run on a broker machine with the broker's own jars, as an operator (role amq):
 *   ARTEMIS_URL=tcp://127.0.0.1:61616 ARTEMIS_USER=... ARTEMIS_PASSWORD=... \
 *     java -cp "$ARTEMIS_HOME/lib/*" deploy/artemis/tools/ListDeadLetters.java [queue]
 */
public final class ListDeadLetters {

    public static void main(String[] args) throws Exception {
        String queue = args.length > 0 ? args[0] : "hub.dead-letter";
        String url = System.getenv().getOrDefault("ARTEMIS_URL", "tcp://127.0.0.1:61616");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(System.getenv("ARTEMIS_USER"), System.getenv("ARTEMIS_PASSWORD"));
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            int count = 0;
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                count++;
                List<String> names = new ArrayList<>();
                for (Enumeration<?> e = message.getPropertyNames(); e.hasMoreElements();) {
                    String name = (String) e.nextElement();
                    if (name.startsWith("Hub")) {
                        names.add(name);
                    }
                }
                Collections.sort(names);
                StringBuilder line = new StringBuilder("#" + count + " broker-id=" + message.getJMSMessageID());
                for (String name : names) {
                    line.append(' ').append(name).append('=').append(message.getObjectProperty(name));
                }
                if (names.isEmpty()) {
                    // moved by the broker itself (max-delivery-attempts or expiry), not by the hub's error policy
                    line.append(" (no Hub* headers: moved by the broker; original address ")
                            .append(message.getStringProperty("_AMQ_ORIG_ADDRESS")).append(')');
                }
                System.out.println(line);
            }
            System.out.println(count + " message(s) on " + queue);
        }
    }
}
