package wales.safeguarding.hub.packaged;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A standalone Apache Artemis broker as a real process, made the way deploy/README.md section 2 makes one: an
 * instance from the distribution the build unpacked ({@code artemis.home}), {@code deploy/artemis/broker.xml} as its
 * configuration (plus {@code broker-ha-primary.xml} or {@code broker-ha-backup.xml} merged into it for a pair), the
 * hub's user with the role {@code hub}. The only changes the test makes: loopback addresses and free ports instead of
 * the hosts {@code primary}/{@code backup} and port 61616, and the environment the configuration reads (TLS files,
 * cluster credentials, the split-brain network check URL).
 */
final class ArtemisBroker implements AutoCloseable {

    enum Role { STANDALONE, PRIMARY, BACKUP }

    static final String HUB_USER = "hub";
    private static final String ADMIN = "admin";

    private final Path instance;
    private final Role role;
    private final int port;
    private final TlsFiles tls;
    private final Map<String, String> environment;
    private final String hubPassword;
    private final String adminPassword;
    private Process process;

    private ArtemisBroker(Path instance, Role role, int port, TlsFiles tls, Map<String, String> environment,
            String hubPassword, String adminPassword) {
        this.instance = instance;
        this.role = role;
        this.port = port;
        this.tls = tls;
        this.environment = environment;
        this.hubPassword = hubPassword;
        this.adminPassword = adminPassword;
    }

    /** A free loopback port for a broker (the pair's two must be known before either is made). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A standalone broker. */
    static ArtemisBroker standalone(Path root, TlsFiles tls, String hubPassword) throws Exception {
        return create(root.resolve("broker"), Role.STANDALONE, freePort(), 0, tls, null, hubPassword);
    }

    /**
     * One broker of a replication pair; {@code networkCheckUrl} is what its split-brain guard fetches (it must answer,
     * or the broker does not start).
     */
    static ArtemisBroker ofPair(Path root, Role role, int port, int peerPort, TlsFiles tls, String networkCheckUrl,
            String hubPassword) throws Exception {
        return create(root.resolve(role.name().toLowerCase()), role, port, peerPort, tls, networkCheckUrl, hubPassword);
    }

    private static ArtemisBroker create(Path instance, Role role, int port, int peerPort, TlsFiles tls,
            String networkCheckUrl, String hubPassword) throws Exception {
        Path home = Path.of(System.getProperty("artemis.home", "target/apache-artemis-2.40.0")).toAbsolutePath();
        Path config = Path.of(System.getProperty("artemis.config", "../deploy/artemis")).toAbsolutePath();
        String adminPassword = UUID.randomUUID().toString();
        Files.createDirectories(instance.getParent());
        run(instance.getParent().resolve(instance.getFileName() + "-create.log"),
                home.resolve("bin/artemis").toString(), "create", instance.toString(), "--silent", "--force",
                "--user", ADMIN, "--password", adminPassword, "--role", "amq", "--require-login", "--no-web",
                "--no-autotune", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-hornetq-acceptor", "--java-memory", "512M");

        String xml = merged(config.resolve("broker.xml"), switch (role) {
            case STANDALONE -> null;
            case PRIMARY -> config.resolve("broker-ha-primary.xml");
            case BACKUP -> config.resolve("broker-ha-backup.xml");
        });
        int primaryPort = role == Role.BACKUP ? peerPort : port;
        int backupPort = role == Role.BACKUP ? port : peerPort;
        xml = xml.replace("tcp://0.0.0.0:61616", "tcp://127.0.0.1:" + port)
                .replace("tcp://primary:61616", "tcp://127.0.0.1:" + primaryPort)
                .replace("tcp://backup:61616", "tcp://127.0.0.1:" + backupPort);
        Files.writeString(instance.resolve("etc/broker.xml"), xml);
        Files.writeString(instance.resolve("etc/artemis-users.properties"), "\n" + HUB_USER + " = " + hubPassword + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(instance.resolve("etc/artemis-roles.properties"), "\n" + HUB_USER + " = " + HUB_USER + "\n",
                StandardOpenOption.APPEND);

        Map<String, String> environment = new HashMap<>();
        environment.put("ARTEMIS_KEYSTORE_PATH", tls.keyStore().toString());
        environment.put("ARTEMIS_KEYSTORE_PASSWORD", tls.password());
        environment.put("ARTEMIS_TRUSTSTORE_PATH", tls.trustStore().toString());
        environment.put("ARTEMIS_TRUSTSTORE_PASSWORD", tls.password());
        environment.put("ARTEMIS_CLUSTER_USER", "cluster");
        environment.put("ARTEMIS_CLUSTER_PASSWORD", tls.password());
        if (networkCheckUrl != null) {
            environment.put("ARTEMIS_NETWORK_CHECK_URLS", networkCheckUrl);
        }
        return new ArtemisBroker(instance, role, port, tls, environment, hubPassword, adminPassword);
    }

    /** deploy/artemis/broker.xml with the children of the fragment's {@code <core>} put in place of its own. */
    private static String merged(Path brokerXml, Path fragment) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document broker = factory.newDocumentBuilder().parse(brokerXml.toFile());
        if (fragment != null) {
            Element core = (Element) broker.getElementsByTagNameNS("urn:activemq:core", "core").item(0);
            Element extra = factory.newDocumentBuilder().parse(fragment.toFile()).getDocumentElement();
            for (Node child = extra.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Node imported = broker.importNode(child, true);
                Node existing = core.getElementsByTagNameNS("urn:activemq:core", child.getLocalName()).item(0);
                if (existing != null && existing.getParentNode() == core) {
                    core.replaceChild(imported, existing);
                } else {
                    core.appendChild(imported);
                }
            }
        }
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
        transformer.transform(new DOMSource(broker), new StreamResult(out));
        return out.toString();
    }

    /** Starts the process; returns once it serves clients (a backup: once its primary reports it in sync). */
    ArtemisBroker start(ArtemisBroker primaryOfThisBackup) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolveSibling(instance.getFileName() + ".log")
                        .toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        // should the test JVM be stopped half way, the broker does not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            if (role == Role.BACKUP) {
                if (primaryOfThisBackup != null) {
                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                            .until(() -> alive() && primaryOfThisBackup.replicaInSync());
                }
            } else {
                awaitActive();
            }
        } catch (RuntimeException e) {
            process.destroyForcibly(); // a broker that did not come up is not left running
            throw e;
        }
        return this;
    }

    ArtemisBroker start() throws IOException {
        return start(null);
    }

    /** Waits until this broker takes client connections (a backup after fail-over, a primary after fail-back). */
    void awaitActive() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> alive() && active());
    }

    private boolean alive() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("broker " + instance.getFileName() + " is not running; see its log next to "
                    + instance);
        }
        return true;
    }

    /** True when an admin session can be opened (only an active broker accepts one). */
    boolean active() {
        try (ServerLocator locator = locator(); ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(ADMIN, adminPassword, false, true, true, false, 1)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The primary's view: its backup has copied the whole journal and receives every write. */
    boolean replicaInSync() {
        try {
            Object answer = management(ResourceNames.BROKER, "replicaSync", ADMIN, adminPassword);
            return Boolean.TRUE.equals(answer);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * A queue's message count, asked through the management address as the hub's user and as the hub asks it
     * ({@code listQueues} filtered on the name; needs {@code manage} and {@code view} on mops.broker.listQueues).
     */
    long messageCountAsHub(String queue) throws Exception {
        Answer answer = invoke(true, ResourceNames.BROKER, "listQueues",
                "{\"field\":\"name\",\"operation\":\"EQUALS\",\"value\":\"" + queue + "\"}", 1, 1);
        if (!answer.succeeded()) {
            throw new IllegalStateException("management request refused: " + answer.result());
        }
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(answer.result()))
                .path("data");
        return data.isEmpty() ? 0 : data.get(0).path("messageCount").asLong();
    }

    /** What the broker answered a management request: whether it succeeded, and its result or refusal. */
    record Answer(boolean succeeded, Object result) {
    }

    /** Invokes a management operation as the hub's user ({@code asHub}) or as the operators' admin. */
    Answer invoke(boolean asHub, String resource, String operation, Object... parameters) throws Exception {
        return request(asHub, request -> ManagementHelper.putOperationInvocation(request, resource, operation,
                parameters));
    }

    /** Reads a management attribute as the hub's user ({@code asHub}) or as the operators' admin. */
    Answer read(boolean asHub, String resource, String attribute) throws Exception {
        return request(asHub, request -> ManagementHelper.putAttribute(request, resource, attribute));
    }

    private interface Filling {
        void fill(ClientMessage request) throws Exception;
    }

    private Answer request(boolean asHub, Filling filling) throws Exception {
        try (ServerLocator locator = locator(); ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(asHub ? HUB_USER : ADMIN,
                        asHub ? hubPassword : adminPassword, false, true, true, false, 1)) {
            ClientRequestor requestor = new ClientRequestor(session, "activemq.management");
            session.start();
            ClientMessage request = session.createMessage(false);
            filling.fill(request);
            ClientMessage reply = requestor.request(request, 5000);
            if (reply == null) {
                throw new IllegalStateException("no management answer from " + instance.getFileName());
            }
            return new Answer(ManagementHelper.hasOperationSucceeded(reply), ManagementHelper.getResult(reply));
        }
    }

    private Object management(String resource, String attribute, String user, String password) throws Exception {
        try (ServerLocator locator = locator(); ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 1)) {
            ClientRequestor requestor = new ClientRequestor(session, "activemq.management");
            session.start();
            ClientMessage request = session.createMessage(false);
            ManagementHelper.putAttribute(request, resource, attribute);
            ClientMessage reply = requestor.request(request, 5000);
            if (reply == null) {
                throw new IllegalStateException("no management answer from " + instance.getFileName());
            }
            if (!ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("management request refused: " + ManagementHelper.getResult(reply));
            }
            return ManagementHelper.getResult(reply);
        }
    }

    private ServerLocator locator() throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocator(url() + "?" + tls.clientParameters());
        locator.setCallTimeout(5000);
        locator.setReconnectAttempts(0);
        locator.setInitialConnectAttempts(1);
        return locator;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** SIGKILL: the broker writes nothing more. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: the broker shuts down as its service would stop it. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The hub's broker URL for one broker, or for a pair (primary first). */
    static String hubUrl(TlsFiles tls, ArtemisBroker... brokers) {
        if (brokers.length == 1) {
            return brokers[0].url() + "?reconnectAttempts=-1&" + tls.clientParameters();
        }
        List<String> urls = new ArrayList<>();
        for (ArtemisBroker broker : brokers) {
            urls.add(broker.url());
        }
        return "(" + String.join(",", urls) + ")?ha=true&reconnectAttempts=-1&" + tls.clientParameters();
    }

    private static void run(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command[0], command[1]) + " failed; see " + log);
        }
    }
}
