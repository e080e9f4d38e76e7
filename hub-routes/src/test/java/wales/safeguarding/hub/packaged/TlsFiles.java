package wales.safeguarding.hub.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A broker's TLS files, made by {@code keytool} for one test run: a self-signed certificate and its key for the
 * brokers' acceptors ({@code broker.p12}), and a trust store holding that certificate for the hub and for the brokers'
 * connections to each other ({@code trust.p12}). No CA: the hub trusts exactly this certificate.
 */
record TlsFiles(Path keyStore, Path trustStore, String password) {

    static TlsFiles make(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve("broker.p12");
        Path certificate = folder.resolve("broker.crt");
        Path trustStore = folder.resolve("trust.p12");
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(certificate);
        Files.deleteIfExists(trustStore);
        String password = UUID.randomUUID().toString();
        keytool(folder, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password);
        keytool(folder, "-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
                "-rfc", "-file", certificate.toString());
        keytool(folder, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new TlsFiles(keyStore, trustStore, password);
    }

    /** The client side of a broker URL: TLS, trusting the test's certificate. */
    String clientParameters() {
        return "sslEnabled=true&trustStorePath=" + trustStore + "&trustStorePassword=" + password;
    }

    private static void keytool(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("keytool.log").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + arguments[0] + " failed; see " + folder.resolve("keytool.log"));
        }
    }
}
