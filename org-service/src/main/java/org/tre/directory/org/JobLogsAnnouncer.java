package org.tre.directory.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tre.messages.error.DxException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link JobLogsAnnouncement} over HTTPS: a Splunk HEC event, {@code Authorization: Splunk <token>};
 * any non-2xx answer, or none within 10 s, is the spec's InvalidInput. It runs where the Org
 * aggregate runs (the directory role), so that role needs the trust store when private CAs sign the
 * endpoint.
 */
@Component
public class JobLogsAnnouncer implements JobLogsAnnouncement {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A trust store may name private CAs; without one the JVM's own CAs decide. Certificates are
     * always checked: logs of sensitive jobs must not go to an impostor.
     */
    public JobLogsAnnouncer(@Value("${tre.job-logs-forwarding.trust-store:}") String trustStore,
                            @Value("${tre.job-logs-forwarding.trust-store-password:}") String password) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (!trustStore.isBlank()) {
            builder.sslContext(sslContext(Path.of(trustStore), password.toCharArray()));
        }
        this.http = builder.build();
    }

    @Override
    public void announce(String url, String splunkToken, String adminId, String orgId, String tokenSignature) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("url", url);
        parameters.put("tokenSignature", tokenSignature);
        String message;
        try {
            message = adminId + ", an admin of " + orgId + " is enabling DNAnexus job logs forwarding with these"
                    + " parameters " + json.writeValueAsString(parameters);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Splunk " + splunkToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("event", message))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw failed(url, response.statusCode(), response.body());
            }
        } catch (IOException e) {
            throw failed(url, 0, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw DxException.invalidInput("jobLogsForwarding url is not a valid URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(url, 0, "interrupted");
        }
    }

    private static DxException failed(String url, int code, String reason) {
        String shortReason = reason == null ? "" : reason.length() > 200 ? reason.substring(0, 200) : reason;
        return DxException.invalidInput("Attempt to upload to " + url + " failed with " + code + " '"
                + shortReason.replace('\n', ' ') + "'");
    }

    private static SSLContext sslContext(Path trustStore, char[] password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the job logs trust store " + trustStore, e);
        }
    }
}
