package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.web.CheckAdmission;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real sockets: a client that sends an expensive check and goes away stops the check long before its
 * deadline (60 s here, with a work budget no request reaches, so that only the disconnect can stop it); the one
 * check slot is free again and the next check is answered. What is observed is the server's own count of
 * checks stopped for a disconnect and of checks running, not a timing guess.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gradcheck.checks.deadline=60s", "gradcheck.checks.work-budget=1000000000000000",
    "gradcheck.http.concurrent-checks=1", "gradcheck.http.check-queue=0"})
@ExtendWith(OutputCaptureExtension.class)
class CheckDisconnectTests {

    /** det of a 100×100 matrix, a wrong answer: minutes of diagnosis at this budget (issue 15: > 60 s). */
    private static final String EXPENSIVE = "{\"function\": \"det(X)\", \"variables\": {\"X\": {\"shape\": [100, 100]}},"
            + " \"parts\": [{\"wrt\": \"X\", \"answer\": \"inv(X)\"}], \"seed\": 1}";
    private static final String CHEAP = "{\"function\": \"s^2\", \"variables\": {\"s\": {}},"
            + " \"parts\": [{\"wrt\": \"s\", \"answer\": \"2 s\"}], \"seed\": 1}";

    @LocalServerPort
    int port;

    @Autowired
    CheckAdmission admission;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCheckWhoseClientDisconnectsStopsAndFreesItsSlot(CapturedOutput output) throws Exception {
        long cancelledBefore = admission.cancelled();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            byte[] body = EXPENSIVE.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/checks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            awaitTrue(() -> admission.running() == 1, "the expensive check to start");
            // the slot is taken: a second check is refused at once (queue 0) while the first runs
            assertThat(send(CHEAP).statusCode()).isEqualTo(503);
        }
        // the client has closed its connection: the server stops the check (at its next deadline poll)
        awaitTrue(() -> admission.cancelled() == cancelledBefore + 1 && admission.running() == 0,
                "the check to be cancelled and its slot freed");
        // logged before the cancellation is counted, so it is there when the wait above ends
        assertThat(output.getAll()).contains("check cancelled: its client closed the connection");
        long took = System.nanoTime() - start;
        assertThat(took).isLessThan(Duration.ofSeconds(30).toNanos()); // half the deadline: it did not run out
        HttpResponse<String> next = send(CHEAP);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"verdict\":\"correct\"");
        assertThat(admission.cancelled()).isEqualTo(cancelledBefore + 1); // an answered check is not cancelled
    }

    @Test
    void aClientThatStaysIsAnswered() throws Exception {
        long cancelledBefore = admission.cancelled();
        // a check of about a second, long enough for several probes of its (open, idle) connection
        String medium = "{\"function\": \"det(X)\", \"variables\": {\"X\": {\"shape\": [12, 12]}},"
                + " \"parts\": [{\"wrt\": \"X\", \"answer\": \"inv(X)\"}], \"points\": 64, \"seed\": 1}";
        HttpResponse<String> r = send(medium);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"verdict\":\"incorrect\"");
        assertThat(admission.cancelled()).isEqualTo(cancelledBefore);
    }

    private HttpResponse<String> send(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits on the server's own notifications of checks starting, ending and being cancelled. */
    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        assertThat(admission.awaitUntil(condition, Duration.ofSeconds(30))).as("waiting for " + what).isTrue();
    }
}
