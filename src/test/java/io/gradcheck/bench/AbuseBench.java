package io.gradcheck.bench;

import io.gradcheck.web.AbuseTests;
import io.gradcheck.web.HttpFuzz;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The abuse benchmark of issue 15, against the packaged jar started with the Dockerfile's JVM flags (read from
 * its JAVA_TOOL_OPTIONS line: a 512 MB heap, the serial collector, exit on OOM), on a random loopback port:
 * <ol>
 *   <li>N fuzzed requests (HttpFuzz: the inputs that once answered 500, then seeded mutations, content types,
 *       encodings) from 4 keep-alive clients: the count of 5xx, and of 4xx that are not problem+json;</li>
 *   <li>the abuse set (AbuseTests.abuses(), plus a 60 MB body, a 60 MB chunked body, an absurd page, 8 KB+
 *       headers, 250 slow bodies), each alone on the idle server: status, wall time, and the server process's
 *       CPU time around it (/proc/PID/stat utime + stime: every thread, GC and JIT included);</li>
 *   <li>all along, the heap used (jstat -gc every 200 ms: survivors + eden + old), its maximum against -Xmx.</li>
 * </ol>
 * Run: {@code ./mvnw -o package -DskipTests} then
 * {@code ./mvnw -o -Pbench test-compile exec:exec -Dbench.main=io.gradcheck.bench.AbuseBench
 * -Dbench.args="target/gradcheck-0.1.0-SNAPSHOT.jar 100000"}; further arguments are server settings, e.g.
 * {@code --gradcheck.checks.work-budget=1000000000000} so that only the deadline (or a disconnect) stops a check.
 */
public final class AbuseBench {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final int port;
    private final long pid;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile long maxHeapKb;

    private AbuseBench(int port, long pid) {
        this.port = port;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int fuzzed = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<String> flags = dockerfileFlags();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("abuse-bench");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0",
                "--gradcheck.problem-sets.directory=" + Path.of("problem-sets").toAbsolutePath(),
                "--gradcheck.security.instructor-keys=fuzz",
                // the fuzz reaches the checker on open practice checks too, not only their rate limit's 429
                "--gradcheck.http.practice-checks-per-minute=100000000"));
        command.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length)); // more server settings
        System.out.println("server: " + String.join(" ", command));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            AbuseBench bench = new AbuseBench(port, server.pid());
            bench.follow(server, data.resolve("server.log"));
            if (!bench.ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server ended before it was ready");
            }
            Thread sampler = bench.startHeapSampler();
            System.out.printf("start %s, load average %s%n", Instant.now(), loadAverage());
            bench.fuzz(fuzzed);
            System.out.printf("after fuzz %s, load average %s, max heap used so far %d MB%n", Instant.now(),
                    loadAverage(), bench.maxHeapKb / 1024);
            bench.abuse();
            bench.slowBodies(250);
            bench.disconnect();
            sampler.interrupt();
            System.out.printf("end %s, load average %s%nheap used, max over the run: %d MB (-Xmx in %s)%n",
                    Instant.now(), loadAverage(), bench.maxHeapKb / 1024, flags);
            System.out.println("server alive at the end: " + server.isAlive() + " (log: " + data.resolve("server.log")
                    + ")");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The JVM flags of the Dockerfile's JAVA_TOOL_OPTIONS, so that the bench runs what the image runs. */
    private static List<String> dockerfileFlags() throws IOException {
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            if (line.startsWith("ENV JAVA_TOOL_OPTIONS=")) {
                String value = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
                return Arrays.asList(value.split(" "));
            }
        }
        throw new IllegalStateException("no JAVA_TOOL_OPTIONS in the Dockerfile");
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** Completed when the server logs that it takes traffic (false if its output ends first). */
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    /** Released once per check the server logs as cancelled because its client went away. */
    private final Semaphore cancellations = new Semaphore(0);

    /**
     * Copies the server's output into its log file and turns the lines the bench waits for into events, so that
     * nothing here polls or sleeps to learn what the server did.
     */
    private void follow(Process server, Path log) {
        Thread follower = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    if (line.contains("ready: accepting traffic")) {
                        out.flush();
                        ready.complete(true);
                    } else if (line.contains("check cancelled: its client closed the connection")) {
                        cancellations.release();
                    }
                }
            } catch (IOException e) {
                // the server's output closed with it
            } finally {
                ready.complete(false);
            }
        }, "server-log");
        follower.setDaemon(true);
        follower.start();
    }

    private Thread startHeapSampler() throws IOException {
        Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "200").redirectErrorStream(true)
                .start();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                List<String> header = null;
                for (String line; (line = in.readLine()) != null;) {
                    List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                        continue;
                    }
                    if (header == null || cells.size() != header.size()) {
                        continue;
                    }
                    double used = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        used += Double.parseDouble(cells.get(header.indexOf(column)));
                    }
                    maxHeapKb = Math.max(maxHeapKb, (long) used);
                }
            } catch (IOException | RuntimeException e) {
                // the sampler ends with the server
            } finally {
                jstat.destroy();
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void fuzz(int total) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger notProblemJson = new AtomicInteger();
        AtomicInteger ioErrors = new AtomicInteger();
        List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong worstNanos = new AtomicLong();
        int clients = 4;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Random random = new Random(15_000 + client);
                int mine = total / clients + (client < total % clients ? 1 : 0);
                for (int i = 0; i < mine; i++) {
                    HttpFuzz.Request r;
                    if (client == 0 && i < HttpFuzz.FOUND.length) {
                        String[] f = HttpFuzz.FOUND[i];
                        r = new HttpFuzz.Request(f[0], f[1].getBytes(StandardCharsets.UTF_8), "application/json", null);
                    } else {
                        r = HttpFuzz.next(random);
                    }
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri(r.path())).timeout(Duration.ofSeconds(60))
                            .header("X-API-Key", "fuzz").header("Content-Type", r.type())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
                    if (r.encoding() != null) {
                        b.header("Content-Encoding", r.encoding());
                    }
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = own.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        worstNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        boolean bad = response.statusCode() >= 500 || (response.statusCode() >= 400
                                && !type.startsWith("application/problem+json"));
                        if (bad) {
                            notProblemJson.incrementAndGet();
                            if (examples.size() < 10) {
                                String shown = new String(r.body(), StandardCharsets.UTF_8);
                                examples.add(response.statusCode() + " " + r.path() + " " + r.type() + " "
                                        + shown.substring(0, Math.min(120, shown.length())) + " → "
                                        + response.body().substring(0, Math.min(200, response.body().length())));
                            }
                        }
                    } catch (IOException e) {
                        ioErrors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "fuzz-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long took = System.nanoTime() - start;
        int fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get())
                .sum();
        System.out.printf("fuzz: %d requests from %d keep-alive clients in %.1f s (%.0f/s); statuses %s; 5xx: %d; "
                + "5xx or 4xx not problem+json: %d; I/O errors: %d; slowest %.0f ms%n", total, clients,
                took / 1e9, total / (took / 1e9), new TreeMap<>(statuses), fiveXx, notProblemJson.get(),
                ioErrors.get(), worstNanos.get() / 1e6);
        examples.forEach(e -> System.out.println("  " + e));
    }

    /** utime + stime of the server process, in nanoseconds (every thread). */
    private long serverCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS; // fields 14 and 15 of stat
    }

    private void abuse() throws Exception {
        System.out.println("abuse set, each request alone on the idle server (CPU: the whole server process):");
        long worstCpu = 0;
        for (AbuseTests.Abuse a : AbuseTests.abuses()) {
            long cpu = serverCpuNanos();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(a.path())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(a.body()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long wall = System.nanoTime() - start;
            long used = serverCpuNanos() - cpu;
            worstCpu = Math.max(worstCpu, used);
            System.out.printf("  %-55s %d (expected %d) %6.0f ms wall %6.0f ms CPU  %s%n", a.name(), r.statusCode(),
                    a.status(), wall / 1e6, used / 1e6, type(r.body()));
        }
        worstCpu = Math.max(worstCpu, raw("a 60 MB entry-wise answer, Content-Length", hugeAnswer(true)));
        worstCpu = Math.max(worstCpu, raw("a 60 MB entry-wise answer, chunked", hugeAnswer(false)));
        worstCpu = Math.max(worstCpu, raw("?page=2147483647", ("GET /api/v1/submissions?page=2147483647 HTTP/1.1\r\n"
                + "Host: x\r\nX-API-Key: fuzz\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        worstCpu = Math.max(worstCpu, raw("headers over 8 KB", ("GET /api/v1/problem-sets HTTP/1.1\r\nHost: x\r\n"
                + "X-Big: " + "a".repeat(9000) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        worstCpu = Math.max(worstCpu, raw("%2F in the path", ("GET /api/v1/problem-sets/a%2Fb HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        System.out.printf("  worst request's server CPU: %.0f ms (deadline 5000 ms + 10 %% = 5500 ms)%n",
                worstCpu / 1e6);
    }

    /** A 60 MB answer, [["x", "x", …]]: by its Content-Length, or chunked (refused once 1 MB has arrived). */
    private static byte[] hugeAnswer(boolean withLength) {
        int entries = 60_000_000 / 6;
        StringBuilder body = new StringBuilder(60_000_100);
        body.append("{\"function\": \"x^2\", \"variables\": {\"x\": {}}, \"parts\": [{\"wrt\": \"x\", \"answer\": [[");
        for (int i = 0; i < entries; i++) {
            body.append(i == 0 ? "" : ",").append("\"2 x\"");
        }
        body.append("]]}]}");
        byte[] json = body.toString().getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + (withLength ? "Content-Length: " + json.length + "\r\n\r\n" : "Transfer-Encoding: chunked\r\n\r\n");
        byte[] framed = withLength ? json : chunked(json);
        byte[] all = new byte[head.length() + framed.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(framed, 0, all, head.length(), framed.length);
        return all;
    }

    private static byte[] chunked(byte[] json) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length + json.length / 1000);
        for (int at = 0; at < json.length; at += 65536) {
            int n = Math.min(65536, json.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Sends raw bytes (writing on until the server answers or closes), reads the status line. */
    private long raw(String name, byte[] request) throws Exception {
        long cpu = serverCpuNanos();
        long start = System.nanoTime();
        String status;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(60_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int at = 0; at < request.length; at += 65536) {
                        out.write(request, at, Math.min(65536, request.length - at));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server refused the rest: what it should do with a body over the limit
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            String response = new String(in.readNBytes(600), StandardCharsets.ISO_8859_1);
            status = response.lines().findFirst().orElse("(nothing)") + "  " + type(response);
            s.close();
            writer.join();
        }
        long wall = System.nanoTime() - start;
        long used = serverCpuNanos() - cpu;
        System.out.printf("  %-55s %s %6.0f ms wall %6.0f ms CPU%n", name, status, wall / 1e6, used / 1e6);
        return used;
    }

    private static String type(String body) {
        int at = body.indexOf("/problems/");
        return at < 0 ? "" : body.substring(at, Math.max(at, body.indexOf('"', at)));
    }

    /**
     * An expensive check (det of a 100 × 100 matrix, a wrong answer) whose client closes as soon as it has sent
     * it: the time from the close to the server's log line that it cancelled the check, and the server's CPU from
     * the request to that line, show that the work stopped. Meaningful when the work budget is raised (3rd
     * argument on), so that the check would otherwise run to its deadline.
     */
    private void disconnect() throws Exception {
        String body = "{\"function\": \"det(X)\", \"variables\": {\"X\": {\"shape\": [100, 100]}}, \"parts\": "
                + "[{\"wrt\": \"X\", \"answer\": \"inv(X)\"}], \"seed\": 1}";
        long cpu = serverCpuNanos();
        long closed;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(json);
            s.getOutputStream().flush();
            s.shutdownOutput();
            closed = System.nanoTime();
        }
        boolean cancelled = cancellations.tryAcquire(30, TimeUnit.SECONDS);
        System.out.printf("  an expensive check whose client closes once it is sent: %s %.0f ms after the close, "
                + "%.0f ms server CPU from the request on%n", cancelled ? "cancelled" : "NOT cancelled within 30 s,",
                (System.nanoTime() - closed) / 1e6, (serverCpuNanos() - cpu) / 1e6);
    }

    /** n connections that send headers and one byte of a 100-byte body, then nothing; normal checks meanwhile. */
    private void slowBodies(int n) throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.getOutputStream().write(("POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            String check = "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": "
                    + "[3, 3]}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"(A + A^T) x\"}]}";
            long worst = 0;
            int ok = 0;
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/checks"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(check)).build(), HttpResponse.BodyHandlers.ofString());
                worst = Math.max(worst, System.nanoTime() - start);
                ok += r.statusCode() == 200 ? 1 : 0;
            }
            System.out.printf("  %d slow bodies held open: %d of 50 normal checks answered 200 meanwhile, slowest "
                    + "%.0f ms%n", n, ok, worst / 1e6);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
