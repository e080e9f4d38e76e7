package wales.safeguarding.adapters.gpfhir;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.server.RestfulServer;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * A GP practice's FHIR system for the tests: a real HAPI {@link RestfulServer} in an embedded Jetty on a random
 * loopback port, with a plain provider for {@code $process-message} that keeps what it received and answers with a
 * response message whose code the test chooses.
 */
final class GpPracticeSystem implements AutoCloseable {

    private final Server jetty;
    private final ProcessMessageProvider provider = new ProcessMessageProvider();

    GpPracticeSystem() throws Exception {
        RestfulServer fhir = new RestfulServer(GpFhirContext.get());
        fhir.registerProvider(provider);
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
    }

    /** The FHIR base URL: what the hub's directory holds as the practice's endpoint. */
    String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    /** The next answers carry this response code ({@code ok}, {@code transient-error}, {@code fatal-error}). */
    void answerWith(MessageHeader.ResponseType code, String diagnostics) {
        provider.code = code;
        provider.diagnostics = diagnostics;
    }

    List<Bundle> received() {
        return List.copyOf(provider.received);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** A plain provider: HAPI binds the request body (the message Bundle) to the {@code @ResourceParam}. */
    public static final class ProcessMessageProvider {

        private final List<Bundle> received = new CopyOnWriteArrayList<>();
        private volatile MessageHeader.ResponseType code = MessageHeader.ResponseType.OK;
        private volatile String diagnostics;

        @Operation(name = "$process-message", idempotent = false)
        public Bundle processMessage(@ResourceParam Bundle message) {
            received.add(message);
            MessageHeader request = (MessageHeader) message.getEntryFirstRep().getResource();
            String requestId = GpResponseReader.plainId(request.getIdElement().getIdPart());

            Bundle response = new Bundle();
            response.setType(Bundle.BundleType.MESSAGE);
            response.getIdentifier().setSystem("https://gp-z99001.example.invalid/Id/message").setValue("GP-ACK-" + received.size());
            response.setTimestamp(new java.util.Date());
            MessageHeader header = new MessageHeader();
            header.setId(UUID.randomUUID().toString());
            header.setText(Narratives.of("Response " + code.toCode() + " to " + requestId));
            header.setEvent(request.getEventCoding().copy());
            header.addDestination().setEndpoint(request.getSource().getEndpoint());
            header.getSource().setName("Demo Surgery clinical system").setEndpoint("https://gp-z99001.example.invalid/fhir");
            header.getResponse().setIdentifier(requestId).setCode(code);
            response.addEntry().setFullUrl("urn:uuid:" + header.getIdElement().getIdPart()).setResource(header);
            if (code != MessageHeader.ResponseType.OK) {
                OperationOutcome outcome = new OperationOutcome();
                outcome.setId(UUID.randomUUID().toString());
                outcome.setText(Narratives.of(diagnostics));
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(code == MessageHeader.ResponseType.TRANSIENTERROR
                                ? OperationOutcome.IssueType.TRANSIENT : OperationOutcome.IssueType.PROCESSING)
                        .setDiagnostics(diagnostics);
                String url = "urn:uuid:" + outcome.getIdElement().getIdPart();
                header.getResponse().setDetails(new Reference(url));
                response.addEntry().setFullUrl(url).setResource(outcome);
            }
            return response;
        }
    }
}
