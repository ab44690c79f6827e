import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A class on the packaged app: N simulated learners walk the lesson as a browser does (sign up, every step page with
 * the assets and API calls its widgets make, exercise answers right and wrong, kernel-lab edits once a second, one
 * training run followed as the page follows it, one log-out and log-in), each from its own address through
 * X-Forwarded-For, while one attacker from its own address sends amplifying convolutions and wrong passwords.
 * For each N it starts the app on a fresh embedded database, warms it up, runs the class, stops the app and prints
 * latency percentiles per kind of request, measured from the moment each request was meant to leave.
 * Run by bench/class; {@code --help} lists the options.
 */
public class ClassBenchmark {

    enum Kind {
        PAGE("page (HTML)"), ASSET("static asset"), LAB("kernel lab (POST /api/convolutions)"),
        ANSWER("exercise answer, mark done"), TRAIN_QUEUE("training: queue a run"),
        TRAIN_STATUS("training: status (run list polls, event stream's first event)"),
        ACCOUNT("sign-up, log-in, log-out (form posts)"), OTHER("other API (images, datasets, plans, leaderboard)"),
        PAGE_LOADED("page with its assets and widget calls (derived)"),
        ATTACK_CONV("attacker: amplifying convolutions"), ATTACK_LOGIN("attacker: wrong passwords"),
        ATTACK_OTHER("attacker: its own pages and sign-ups");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean attacker() {
            return name().startsWith("ATTACK");
        }
    }

    record Options(List<Integer> learners, int duration, int ramp, int warmup, int port, boolean attacker,
            int attackConcurrency, int loginConcurrency, double thinkScale, boolean trace, Path jar) {

        static Options parse(String[] args) {
            String[] defaults = {"learners", "50,150,300", "duration", "90", "ramp", "15", "warmup", "100", "port", "18480",
                "attacker", "true", "attack-concurrency", "48", "login-concurrency", "4", "think-scale", "1", "trace", "false",
                "jar", "target/quarkus-app/quarkus-run.jar"};
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < defaults.length; i += 2) values.put(defaults[i], defaults[i + 1]);
            for (String arg : args) {
                Matcher m = Pattern.compile("--([a-z-]+)=(.*)").matcher(arg);
                if (!m.matches() || !values.containsKey(m.group(1))) {
                    System.err.println("Options (defaults): " + values.entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
                    System.exit(arg.equals("--help") ? 0 : 2);
                }
                values.put(m.group(1), m.group(2));
            }
            return new Options(Arrays.stream(values.get("learners").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                    Integer.parseInt(values.get("duration")), Integer.parseInt(values.get("ramp")),
                    Integer.parseInt(values.get("warmup")), Integer.parseInt(values.get("port")),
                    Boolean.parseBoolean(values.get("attacker")), Integer.parseInt(values.get("attack-concurrency")),
                    Integer.parseInt(values.get("login-concurrency")), Double.parseDouble(values.get("think-scale")),
                    Boolean.parseBoolean(values.get("trace")), Path.of(values.get("jar")));
        }
    }

    // ---------------------------------------------------------------------------------------------------- statistics

    /** Latencies and outcomes of one kind of request. */
    static final class Tally {
        private final long epoch;
        private long[] micros = new long[1024];
        private int[] doneAtSecond = new int[1024];
        private int count;
        final AtomicInteger ok = new AtomicInteger(), unauthorized = new AtomicInteger(), tooMany = new AtomicInteger(),
                unavailable = new AtomicInteger(), otherClientError = new AtomicInteger(), serverError = new AtomicInteger(),
                failed = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

        Tally(long epoch) {
            this.epoch = epoch;
        }

        synchronized void latency(long nanos) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
                doneAtSecond = Arrays.copyOf(doneAtSecond, count * 2);
            }
            doneAtSecond[count] = (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - epoch);
            micros[count++] = nanos / 1000;
        }

        /** The latencies of the requests that ended in [from, to) seconds after the run began, sorted. */
        synchronized long[] sortedBetween(int from, int to) {
            long[] window = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (doneAtSecond[i] >= from && doneAtSecond[i] < to) window[n++] = micros[i];
            }
            long[] copy = Arrays.copyOf(window, n);
            Arrays.sort(copy);
            return copy;
        }

        void status(int status) {
            statuses.computeIfAbsent(String.valueOf(status), s -> new AtomicInteger()).incrementAndGet();
            if (status < 400) ok.incrementAndGet();
            else if (status == 401) unauthorized.incrementAndGet();
            else if (status == 429) tooMany.incrementAndGet();
            else if (status == 503) unavailable.incrementAndGet();
            else if (status < 500) otherClientError.incrementAndGet();
            else serverError.incrementAndGet();
        }

        static Throwable unwrap(Throwable error) {
            return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        }

        /**
         * The failure's class and message, and those of its causes, as short as the table can hold:
         * "IOException (connection reset)", "ConnectException ← ClosedChannelException".
         */
        static String describe(Throwable error) {
            List<String> chain = new ArrayList<>();
            for (Throwable cause = unwrap(error); cause != null && chain.size() < 3; cause = cause.getCause()) {
                String message = cause.getMessage() == null ? "" : " (" + cause.getMessage().lines().findFirst().orElse("") + ")";
                chain.add(cause.getClass().getSimpleName() + (message.length() > 80 ? message.substring(0, 79) + "…)" : message));
            }
            return String.join(" ← ", chain);
        }

        void failure(Throwable error) {
            Throwable cause = unwrap(error);
            statuses.computeIfAbsent(cause.getClass().getSimpleName(), s -> new AtomicInteger()).incrementAndGet();
            failed.incrementAndGet();
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(micros, count);
            Arrays.sort(copy);
            return copy;
        }

        /** Requests a learner would not have been refused: 4xx (401 included) and 503. */
        int refused() {
            return unauthorized.get() + tooMany.get() + unavailable.get() + otherClientError.get();
        }

        int answered() {
            return ok.get() + refused() + serverError.get();
        }
    }

    static final class Stats {
        final Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger gaveUp = new AtomicInteger(), finishedWalk = new AtomicInteger(), targetedLoginsRefused = new AtomicInteger();
        final Set<String> unknown = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> problems = new ConcurrentHashMap<>();

        /** A learner request that was refused, failed or answered 5xx, by endpoint and outcome. */
        void problem(String method, String path, String outcome) {
            String endpoint = path.replaceAll("\\?.*", "").replaceAll("/\\d+(?=/|$)", "/{n}");
            problems.computeIfAbsent(method + " " + endpoint + " → " + outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        Stats() {
            long epoch = System.nanoTime();
            for (Kind kind : Kind.values()) tallies.put(kind, new Tally(epoch));
        }

        Tally of(Kind kind) {
            return tallies.get(kind);
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    // ---------------------------------------------------------------------------------------------------- the app

    /** The packaged app on a throw-away embedded database, started the README's way. */
    static final class App {
        final Process process;
        final Path data;
        final int port;

        private App(Process process, Path data, int port) {
            this.process = process;
            this.data = data;
            this.port = port;
        }

        static App start(Options options, String label) throws Exception {
            Path data = Files.createTempDirectory("convlab-class-");
            ProcessBuilder builder = new ProcessBuilder("java", "-Dquarkus.http.port=" + options.port(),
                    "-Dquarkus.management.port=" + (options.port() + 1), "-jar", options.jar().toString());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("CONVLAB_") || name.startsWith("QUARKUS_"));
            env.put("CONVLAB_DATA_DIR", data.resolve("postgres").toString());
            env.put("CONVLAB_INSTRUCTOR_EMAIL", "instructor@class.example");
            env.put("CONVLAB_INSTRUCTOR_PASSWORD", "bench-" + Long.toHexString(new Random().nextLong()));
            env.put("CONVLAB_TRUSTED_PROXIES", "127.0.0.1");
            Path log = Path.of("target", "bench-class-" + label + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            App app = new App(builder.start(), data, options.port());
            RUNNING.add(app);
            app.awaitReady(log);
            return app;
        }

        /** Ready on the main port, or on the management port when the app moved health there. */
        void awaitReady(Path log) throws Exception {
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("the app stopped while starting; see " + log);
                for (int p : new int[] {port, port + 1}) {
                    try {
                        HttpResponse<Void> r = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) return;
                    } catch (IOException e) {
                        // not listening yet
                    }
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the app was not ready within 3 minutes; see " + log);
        }

        /** CPU seconds of the app's JVM and of its PostgreSQL processes, from /proc. */
        double cpuSeconds() {
            List<ProcessHandle> all = new ArrayList<>();
            all.add(process.toHandle());
            process.descendants().forEach(all::add);
            return all.stream().mapToDouble(h -> procCpu(h.pid())).sum();
        }

        String memory() {
            try {
                String status = Files.readString(Path.of("/proc/" + process.pid() + "/status"));
                return field(status, "VmRSS") + " (peak " + field(status, "VmHWM") + ")";
            } catch (IOException e) {
                return "?";
            }
        }

        private static String field(String status, String name) {
            Matcher m = Pattern.compile(name + ":\\s+(\\d+) kB").matcher(status);
            return m.find() ? String.format(Locale.ROOT, "%.2f GB", Long.parseLong(m.group(1)) / 1048576.0) : "?";
        }

        private static double procCpu(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Stops the app as an operator would (SIGTERM, so it stops its PostgreSQL), then deletes its data. */
        void stop() {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                for (ProcessHandle child : children) {
                    child.onExit().get(20, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
            deleteTree(data);
            RUNNING.remove(this);
        }

        private static void deleteTree(Path root) {
            try (var paths = Files.walk(root)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + root + ": " + e);
            }
        }
    }

    static final Set<App> RUNNING = ConcurrentHashMap.newKeySet();

    // ---------------------------------------------------------------------------------------------------- the site

    static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    static final Pattern HIDDEN_CSRF = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    static final Pattern LINKED = Pattern.compile("<(?:link[^>]*href|script[^>]*src)=\"(/[^\"]+)\"");
    static final Pattern WIDGET = Pattern.compile("data-widget=\"([a-z0-9-]+)\" data-params=\"([^\"]*)\"");
    static final Pattern EXERCISE = Pattern.compile("data-exercise=\"([^\"]+)\"");
    static final Pattern IMPORT = Pattern.compile("(?:\\bimport|\\bfrom)\\s*[\"']([^\"'\\s]+)[\"']");
    static final Pattern MAP_ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    static final Pattern STATE = Pattern.compile("\"state\":\"([a-z]+)\"");
    static final Pattern RUN_ID = Pattern.compile("\"id\":(\\d+)");
    static final String ATTACKER_ADDRESS = "203.0.113.66";
    static final Set<String> FINISHED = Set.of("succeeded", "failed", "diverged", "canceled");

    /** Right and wrong answers, as a learner types them, for the lesson's exercises. */
    static final Map<String, String[]> ANSWERS = Map.ofEntries(
            Map.entry("top-edge-at-spot", new String[] {"2.6", "2.65"}),
            Map.entry("left-edge-at-spot", new String[] {"2.88", "2.86"}),
            Map.entry("bottom-edge-kernel", new String[] {"-1 -1 -1; 0 0 0; 1 1 1", "1 1 1; 0 0 0; -1 -1 -1"}),
            Map.entry("unfold-five-by-five", new String[] {"[576, 25]", "[25, 576]"}),
            Map.entry("unfold-padded-stride-two", new String[] {"[9, 169]", "[9, 196]"}),
            Map.entry("out-size-stride-two", new String[] {"[13, 13]", "[14, 14]"}),
            Map.entry("out-size-dilation-two", new String[] {"26", "24"}),
            Map.entry("out-size-rectangular", new String[] {"[8, 5]", "[8, 6]"}),
            Map.entry("params-conv-4-to-8", new String[] {"288", "296"}),
            Map.entry("params-conv-8-to-16", new String[] {"1152", "1,168"}),
            Map.entry("rf-six-stride-two-layers", new String[] {"63", "127"}),
            Map.entry("rf-five-stride-one-layers", new String[] {"15", "11"}));

    /** What the browser fetches: the import map, and each module's static imports (crawled once per app start). */
    static final class Site {
        final Map<String, String> importMap = new LinkedHashMap<>();
        final Map<String, List<String>> imports = new ConcurrentHashMap<>();
        final List<String> slugs = new ArrayList<>();

        static Site crawl(HttpClient client, String base) throws Exception {
            Site site = new Site();
            Matcher steps = SLUG.matcher(get(client, base + "/api/steps"));
            while (steps.find()) site.slugs.add(steps.group(1));
            List<String> pages = new ArrayList<>(List.of("/", "/signup", "/login"));
            site.slugs.forEach(slug -> pages.add("/lesson/" + slug));
            Deque<String> modules = new ArrayDeque<>();
            for (String page : pages) {
                String html = get(client, base + page);
                modules.addAll(site.roots(html));
            }
            String mapScript = get(client, base + "/_importmap/generated_importmap.js");
            Matcher entries = MAP_ENTRY.matcher(mapScript);
            while (entries.find()) site.importMap.put(entries.group(1), entries.group(2));
            while (!modules.isEmpty()) {
                String module = modules.pop();
                if (site.imports.containsKey(module) || !module.endsWith(".js") || module.startsWith("/_importmap/")) {
                    site.imports.putIfAbsent(module, List.of());
                    continue;
                }
                String source = get(client, base + module);
                Set<String> found = new LinkedHashSet<>();
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    String resolved = site.resolve(module, m.group(1));
                    if (resolved != null) found.add(resolved);
                }
                site.imports.put(module, List.copyOf(found));
                modules.addAll(found);
            }
            return site;
        }

        /** The stylesheets, icon and scripts a page's HTML names, and the module of each widget on it (widgets.js). */
        List<String> roots(String html) {
            List<String> roots = new ArrayList<>();
            Matcher m = LINKED.matcher(html);
            while (m.find()) roots.add(m.group(1));
            Matcher widgets = WIDGET.matcher(html);
            while (widgets.find()) roots.add("/app/widgets/" + widgets.group(1) + ".js");
            return roots;
        }

        /** A module specifier resolved as the browser does: relative, absolute, or through the import map. */
        String resolve(String from, String specifier) {
            if (specifier.startsWith("./") || specifier.startsWith("../")) {
                return URI.create("http://x" + from).resolve(specifier).getPath();
            }
            if (specifier.startsWith("/")) return specifier;
            if (importMap.containsKey(specifier)) return importMap.get(specifier);
            return importMap.entrySet().stream().filter(e -> e.getKey().endsWith("/") && specifier.startsWith(e.getKey()))
                    .max((a, b) -> a.getKey().length() - b.getKey().length())
                    .map(e -> e.getValue() + specifier.substring(e.getKey().length())).orElse(null);
        }

        List<String> importsOf(String module) {
            return imports.getOrDefault(module, List.of());
        }

        private static String get(HttpClient client, String url) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
            return r.body();
        }
    }

    // ---------------------------------------------------------------------------------------------------- one run

    /** Reads a body without keeping it, counting its bytes. */
    static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
        long bytes;

        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        public void onNext(List<ByteBuffer> buffers) {
            buffers.forEach(b -> bytes += b.remaining());
        }

        public void onError(Throwable error) {
        }

        public void onComplete() {
        }
    }

    record Reply(int status, String body, HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    /** One simulated browser: its own address, cookie jar, cache, and the rest of its walk. */
    static final class Learner {
        final int index;
        final String address, email, password;
        final boolean targeted;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final Set<String> cached = ConcurrentHashMap.newKeySet();
        final Deque<Supplier<CompletableFuture<Void>>> todo = new ArrayDeque<>();
        final Random random;
        volatile String csrf = "", csrfField = "csrf-token", html = "", defaults = "{}";
        volatile long intended;
        volatile Flow.Subscription events;

        Learner(int index, String address, String name, boolean targeted) {
            this.index = index;
            this.address = address;
            this.email = name + "-" + index + "@class.example";
            this.password = name + "-password-" + index;
            this.targeted = targeted;
            this.random = new Random(index);
        }
    }

    static final class Run {
        final Options options;
        final String base;
        final Site site;
        final int learners;
        final boolean measured, training, attack;
        final Stats stats = new Stats();
        final HttpClient client, attackClient;
        final ExecutorService callbacks;
        final ScheduledExecutorService timer;
        final List<Learner> walkers = new ArrayList<>();
        long startNanos, endNanos;

        Run(Options options, String base, Site site, int learners, boolean measured, HttpClient client,
                HttpClient attackClient, ExecutorService callbacks, ScheduledExecutorService timer) {
            this.options = options;
            this.base = base;
            this.site = site;
            this.learners = learners;
            this.measured = measured;
            this.training = measured;
            this.attack = measured && options.attacker();
            this.client = client;
            this.attackClient = attackClient;
            this.callbacks = callbacks;
            this.timer = timer;
        }

        boolean over() {
            return System.nanoTime() >= endNanos;
        }

        long ms(double low, double high, Random random) {
            return Math.round((low + random.nextDouble() * (high - low)) * 1000 * options.thinkScale());
        }

        CompletableFuture<Void> delayUntil(long nanos) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            timer.schedule(() -> done.complete(null), Math.max(0, nanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return done;
        }

        /** A pause; the next request is meant to leave when it ends, and its latency is counted from then. */
        CompletableFuture<Void> think(Learner l, long millis) {
            long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            l.intended = at;
            return delayUntil(at);
        }

        // ------------------------------------------------------------------------------------------------ requests

        CompletableFuture<Reply> send(Learner l, Kind kind, String method, String path, String contentType, String body, long intended) {
            return send(l, kind, method, path, contentType, "application/json", body, intended);
        }

        CompletableFuture<Reply> send(Learner l, Kind kind, String method, String path, String contentType, String accept, String body,
                long intended) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", l.address);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (contentType != null && contentType.startsWith("application/json") || path.startsWith("/api/")) {
                builder.header("Accept", accept);
                if (!method.equals("GET")) builder.header("X-CSRF-TOKEN", l.csrf);
            } else if (kind == Kind.PAGE) {
                builder.header("Accept", "text/html");
            }
            URI uri = URI.create(base + path);
            try {
                l.cookies.get(uri, Map.of()).forEach((name, values) -> {
                    if (!values.isEmpty()) builder.header(name, String.join("; ", values));
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            Tally tally = stats.of(kind);
            stats.inFlight.incrementAndGet();
            HttpResponse.BodyHandler<String> handler = kind == Kind.ASSET || kind == Kind.ATTACK_CONV || kind == Kind.LAB
                    ? info -> BodySubscribers.fromSubscriber(new Counter(), counter -> {
                        tally.bytes.addAndGet(counter.bytes);
                        return (String) null;
                    })
                    : HttpResponse.BodyHandlers.ofString();
            HttpClient http = kind.attacker() ? attackClient : client;
            return http.sendAsync(builder.build(), handler).handleAsync((response, error) -> {
                stats.inFlight.decrementAndGet();
                if (error != null) {
                    tally.latency(System.nanoTime() - intended);
                    tally.failure(error);
                    if (!kind.attacker()) stats.problem(method, path, Tally.describe(error));
                    return new Reply(-1, "", null);
                }
                if (response.statusCode() >= 400 && !kind.attacker()) stats.problem(method, path, String.valueOf(response.statusCode()));
                tally.latency(System.nanoTime() - intended);
                tally.status(response.statusCode());
                if (options.trace() && l.index == 0 && measured && !kind.attacker()) {
                    System.err.printf(Locale.ROOT, "  %s %s %d %s%n", method, path, response.statusCode(), kind);
                }
                try {
                    l.cookies.put(uri, response.headers().map());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return new Reply(response.statusCode(), response.body() == null ? "" : response.body(), response.headers());
            }, callbacks);
        }

        CompletableFuture<Reply> getJson(Learner l, Kind kind, String path) {
            return send(l, kind, "GET", path, null, null, System.nanoTime());
        }

        CompletableFuture<Reply> postJson(Learner l, Kind kind, String path, String json, long intended) {
            return send(l, kind, "POST", path, "application/json", json, intended);
        }

        /** A convolution as the kernel and colour labs ask for it: its maps as float32 numbers (MapsAnswer), JSON if refused. */
        CompletableFuture<Reply> postForMaps(Learner l, String json, long intended) {
            return send(l, Kind.LAB, "POST", "/api/convolutions", "application/json", "application/vnd.convlab.maps, application/json;q=0.5", json, intended);
        }

        CompletableFuture<Reply> postForm(Learner l, String path, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put(l.csrfField, l.csrf);
            all.putAll(fields);
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(l, Kind.ACCOUNT, "POST", path, "application/x-www-form-urlencoded", body, l.intended);
        }

        // ------------------------------------------------------------------------------------------------ pages

        /** A page as the browser loads it: its HTML, the modules and styles not in the cache, its widgets' calls. */
        CompletableFuture<Reply> page(Learner l, String path, long intended) {
            Map<String, CompletableFuture<Void>> modules = new ConcurrentHashMap<>();
            return send(l, Kind.PAGE, "GET", path, null, null, intended).thenCompose(reply -> {
                if (!reply.ok()) {
                    l.html = "";
                    return CompletableFuture.completedFuture(reply);
                }
                l.html = reply.body();
                Matcher meta = META_CSRF.matcher(reply.body());
                if (meta.find()) l.csrf = meta.group(1);
                Matcher hidden = HIDDEN_CSRF.matcher(reply.body());
                if (hidden.find() && hidden.group(2).equals(l.csrf)) l.csrfField = hidden.group(1);
                CompletableFuture<?>[] assets = site.roots(reply.body()).stream().map(url -> asset(l, url, modules))
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(assets).thenCompose(v -> widgets(l, reply.body())).thenApply(v -> {
                    stats.of(Kind.PAGE_LOADED).latency(System.nanoTime() - intended);
                    stats.of(Kind.PAGE_LOADED).status(200);
                    return reply;
                });
            });
        }

        CompletableFuture<Void> asset(Learner l, String url, Map<String, CompletableFuture<Void>> modules) {
            if (l.cached.contains(url)) return CompletableFuture.completedFuture(null);
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> existing = modules.putIfAbsent(url, mine);
            if (existing != null) return existing;
            send(l, Kind.ASSET, "GET", url, null, null, System.nanoTime()).thenCompose(reply -> {
                String cache = reply.headers() == null ? "" : reply.headers().firstValue("cache-control").orElse("");
                if (reply.ok() && cache.contains("max-age")) l.cached.add(url);
                return CompletableFuture.allOf(site.importsOf(url).stream().map(d -> asset(l, d, modules)).toArray(CompletableFuture[]::new));
            }).whenComplete((v, e) -> mine.complete(null));
            return mine;
        }

        /** The API calls each widget makes when it mounts, as frontend/widgets/*.js make them. */
        CompletableFuture<Void> widgets(Learner l, String html) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            Matcher m = WIDGET.matcher(html);
            while (m.find()) {
                Function<Learner, CompletableFuture<?>> mount = widgetCalls(m.group(1), m.group(2));
                if (mount == null) stats.unknown.add("widget " + m.group(1));
                else calls.add(mount.apply(l));
            }
            return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
        }

        Function<Learner, CompletableFuture<?>> widgetCalls(String widget, String params) {
            String image = "/api/datasets/mnist/images/7";
            return switch (widget) {
                case "pixel-grid" -> l -> getJson(l, Kind.OTHER, image);
                case "kernel-spot" -> l -> getJson(l, Kind.OTHER, image)
                        .thenCompose(r -> postJson(l, Kind.LAB, "/api/convolutions", SPOT_BODY, System.nanoTime()));
                case "feature-maps" -> l -> getJson(l, Kind.OTHER, "/api/datasets").thenCompose(r -> getJson(l, Kind.OTHER, image))
                        .thenCompose(r -> debounced(l, FEATURE_MAPS_BODY));
                case "kernel-lab" -> {
                    boolean photo = params.contains("photo");
                    yield l -> getJson(l, Kind.OTHER, "/api/datasets")
                            .thenCompose(r -> getJson(l, Kind.OTHER, photo ? "/api/datasets/photos/images/0" : image))
                            .thenCompose(r -> CompletableFuture.allOf(debounced(l, photo ? photoBody(1) : labBody(-1)),
                                    getJson(l, Kind.OTHER, "/api/me/kernels")));
                }
                case "im2col" -> l -> getJson(l, Kind.OTHER, image)
                        .thenCompose(r -> postJson(l, Kind.OTHER, "/api/im2col", IM2COL_BODY, System.nanoTime()));
                case "shape-calculator" -> l -> postJson(l, Kind.LAB, "/api/convolutions", SHAPE_BODY, System.nanoTime());
                case "network-builder" -> l -> postJson(l, Kind.OTHER, "/api/architectures", ARCHITECTURE_BODY, System.nanoTime());
                case "training-run" -> l -> CompletableFuture.allOf(getJson(l, Kind.TRAIN_STATUS, "/api/runs"),
                        getJson(l, Kind.OTHER, "/api/runs/defaults").thenAccept(r -> l.defaults = r.body()));
                case "receptive-field" -> l -> getJson(l, Kind.TRAIN_STATUS, "/api/runs");
                case "ablation" -> l -> CompletableFuture.allOf(getJson(l, Kind.TRAIN_STATUS, "/api/runs"),
                        postJson(l, Kind.OTHER, "/api/architectures", ARCHITECTURE_BODY, System.nanoTime()));
                case "leaderboard" -> l -> getJson(l, Kind.OTHER, "/api/me")
                        .thenCompose(r -> getJson(l, Kind.OTHER, "/api/leaderboard?dataset=fashion-mnist"));
                default -> null;
            };
        }

        /** The kernel lab computes 250 ms after its image arrives (its debounce). */
        CompletableFuture<Reply> debounced(Learner l, String body) {
            long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
            return delayUntil(at).thenCompose(v -> postForMaps(l, body, at));
        }

        // ------------------------------------------------------------------------------------------------ the walk

        void plan(Learner l, long arrival) {
            l.todo.add(() -> {
                l.intended = arrival;
                return delayUntil(arrival);
            });
            l.todo.add(() -> page(l, "/signup", l.intended).thenAccept(r -> giveUpUnless(l, r.ok())));
            l.todo.add(() -> think(l, ms(2, 4, l.random)));
            l.todo.add(() -> postForm(l, "/signup", Map.of("email", l.email, "displayName", "Learner " + l.index, "password", l.password))
                    .thenCompose(r -> follow(l, r)));
            for (int i = 0; i < site.slugs.size(); i++) {
                String slug = site.slugs.get(i);
                boolean landedByLogin = i > 0 && i == LOGOUT_AFTER + 1;
                l.todo.add(() -> think(l, ms(1, 3, l.random)));
                if (!landedByLogin) l.todo.add(() -> page(l, "/lesson/" + slug, l.intended).thenAccept(r -> {}));
                l.todo.add(() -> activity(l, slug));
                if (i == LOGOUT_AFTER && i + 1 < site.slugs.size()) {
                    String next = "/lesson/" + site.slugs.get(i + 1);
                    l.todo.add(() -> think(l, ms(1, 2, l.random)));
                    l.todo.add(() -> postForm(l, "/logout", Map.of()).thenCompose(r -> follow(l, r)));
                    l.todo.add(() -> think(l, ms(1, 2, l.random)));
                    l.todo.add(() -> page(l, "/login?next=" + next, l.intended).thenAccept(r -> giveUpUnless(l, r.ok())));
                    l.todo.add(() -> think(l, ms(2, 3, l.random)));
                    l.todo.add(() -> postForm(l, "/login", Map.of("email", l.email, "password", l.password, "next", next))
                            .thenCompose(r -> {
                                if (!r.ok() && l.targeted) stats.targetedLoginsRefused.incrementAndGet();
                                return follow(l, r);
                            }));
                }
            }
            l.todo.add(() -> {
                stats.finishedWalk.incrementAndGet();
                return labLoop(l);
            });
        }

        static final int LOGOUT_AFTER = 2;

        /** A learner whose sign-up or log-in form did not load, or was refused, stops (and is counted). */
        void giveUpUnless(Learner l, boolean ok) {
            if (!ok) {
                stats.gaveUp.incrementAndGet();
                l.todo.clear();
            }
        }

        /** A form post's 303 followed as the browser does; a refused sign-up or log-in ends the walk. */
        CompletableFuture<Void> follow(Learner l, Reply reply) {
            giveUpUnless(l, reply.status() == 303);
            if (reply.status() != 303) return CompletableFuture.completedFuture(null);
            String location = reply.headers().firstValue("location").orElse("/");
            String path = URI.create(base + "/").resolve(location).getRawPath();
            String query = URI.create(base + "/").resolve(location).getRawQuery();
            return page(l, query == null ? path : path + "?" + query, System.nanoTime()).thenAccept(r -> {});
        }

        /** What the learner does on a step once it is loaded: answer, mark done, edit kernels, train, follow runs. */
        CompletableFuture<Void> activity(Learner l, String slug) {
            String html = l.html;
            List<Supplier<CompletableFuture<?>>> steps = new ArrayList<>();
            Matcher exercises = EXERCISE.matcher(html);
            while (exercises.find()) {
                String key = exercises.group(1);
                String[] answers = ANSWERS.get(key);
                if (answers == null) stats.unknown.add("exercise " + key);
                String[] typed = answers == null ? new String[] {"1"}
                        : l.random.nextBoolean() ? answers : new String[] {answers[1]};
                for (String answer : typed) {
                    steps.add(() -> think(l, ms(0.5, 1.5, l.random)));
                    steps.add(() -> postJson(l, Kind.ANSWER, "/api/steps/" + slug + "/exercises/" + key + "/attempts",
                            "{\"answer\":\"" + answer + "\"}", l.intended));
                }
            }
            if (html.contains("mark-done-button")) {
                steps.add(() -> think(l, ms(0.5, 1.5, l.random)));
                steps.add(() -> postJson(l, Kind.ANSWER, "/api/steps/" + slug + "/completion", null, l.intended));
            }
            Matcher widgets = WIDGET.matcher(html);
            while (widgets.find()) {
                switch (widgets.group(1)) {
                    case "kernel-lab" -> {
                        boolean photo = widgets.group(2).contains("photo");
                        steps.add(() -> edits(l, photo ? 3 : 10, photo));
                    }
                    case "training-run" -> {
                        if (training) steps.add(() -> train(l));
                    }
                    case "ablation" -> steps.add(() -> pollRuns(l, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms(5, 8, l.random))));
                    default -> { }
                }
            }
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (Supplier<CompletableFuture<?>> step : steps) {
                chain = chain.thenCompose(v -> over() ? CompletableFuture.completedFuture(null) : step.get());
            }
            return chain.thenAccept(v -> {});
        }

        /** One kernel edit a second, each sent when it is due whether or not the previous one was answered. */
        CompletableFuture<Void> edits(Learner l, int count, boolean photo) {
            long first = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                long at = first + TimeUnit.SECONDS.toNanos(k);
                if (at >= endNanos) break;
                int weight = l.random.nextInt(9) - 4;
                sent.add(delayUntil(at).thenCompose(v -> postForMaps(l, photo ? photoBody(weight) : labBody(weight), at)));
            }
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        }

        /** Step 8: queue the default run as the form sends it, then follow its events as the run view does. */
        CompletableFuture<Void> train(Learner l) {
            return think(l, ms(1, 2, l.random))
                    .thenCompose(v -> postJson(l, Kind.TRAIN_QUEUE, "/api/runs", runRequest(l.defaults), l.intended))
                    .thenCompose(reply -> {
                        Matcher id = RUN_ID.matcher(reply.body());
                        if (reply.status() != 202 || !id.find()) return CompletableFuture.completedFuture(null);
                        followEvents(l, Long.parseLong(id.group(1)));
                        return think(l, ms(5, 8, l.random)).thenAccept(v -> {
                            Flow.Subscription events = l.events;
                            if (events != null) events.cancel();
                        });
                    });
        }

        /** The run's Server-Sent Events; the first event's delay counts as a status request. */
        void followEvents(Learner l, long runId) {
            long sent = System.nanoTime();
            Tally tally = stats.of(Kind.TRAIN_STATUS);
            URI uri = URI.create(base + "/api/runs/" + runId + "/events");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header("X-Forwarded-For", l.address);
            try {
                l.cookies.get(uri, Map.of()).forEach((name, values) -> {
                    if (!values.isEmpty()) request.header(name, String.join("; ", values));
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            AtomicInteger first = new AtomicInteger();
            client.sendAsync(request.build(), info -> {
                if (info.statusCode() != 200) {
                    tally.latency(System.nanoTime() - sent);
                    tally.status(info.statusCode());
                    return BodySubscribers.replacing(null);
                }
                return BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    public void onSubscribe(Flow.Subscription subscription) {
                        l.events = subscription;
                        subscription.request(Long.MAX_VALUE);
                    }

                    public void onNext(String line) {
                        if (line.startsWith("data:") && first.getAndIncrement() == 0) {
                            tally.latency(System.nanoTime() - sent);
                            tally.status(200);
                        }
                    }

                    public void onError(Throwable error) {
                        if (first.get() == 0 && !over()) tally.failure(error);
                    }

                    public void onComplete() {
                    }
                });
            });
        }

        /** Step 11's run list: asked again every 2 s while one of the learner's runs is unfinished. */
        CompletableFuture<Void> pollRuns(Learner l, long leave) {
            long at = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            if (at >= leave || at >= endNanos) return delayUntil(Math.min(leave, endNanos));
            return delayUntil(at).thenCompose(v -> send(l, Kind.TRAIN_STATUS, "GET", "/api/runs", null, null, at)).thenCompose(r -> {
                Matcher states = STATE.matcher(r.body());
                boolean unfinished = false;
                while (states.find()) unfinished |= !FINISHED.contains(states.group(1));
                return unfinished ? pollRuns(l, leave) : delayUntil(Math.min(leave, endNanos));
            });
        }

        /** After the walk the learner stays in the kernel lab: reload it, edit, read, again until the end. */
        CompletableFuture<Void> labLoop(Learner l) {
            String lab = site.slugs.contains("kernel-lab") ? "/lesson/kernel-lab" : "/lesson/" + site.slugs.get(0);
            l.todo.add(() -> think(l, ms(2, 4, l.random)));
            l.todo.add(() -> page(l, lab, l.intended).thenAccept(r -> {}));
            l.todo.add(() -> edits(l, 20, false));
            l.todo.add(() -> labLoop(l));
            return CompletableFuture.completedFuture(null);
        }

        void next(Learner l, CompletableFuture<Void> done) {
            Supplier<CompletableFuture<Void>> action = l.todo.poll();
            if (action == null || over()) {
                done.complete(null);
                return;
            }
            CompletableFuture<Void> step;
            try {
                step = action.get();
            } catch (RuntimeException e) {
                step = CompletableFuture.failedFuture(e);
            }
            step.whenCompleteAsync((v, e) -> {
                if (e != null) {
                    stats.unknown.add("walk error " + e);
                    done.complete(null);
                } else {
                    next(l, done);
                }
            }, callbacks);
        }

        // ------------------------------------------------------------------------------------------------ attacker

        List<CompletableFuture<Void>> attack(List<String> victims) {
            Learner attacker = new Learner(0, ATTACKER_ADDRESS, "attacker", false);
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            long start = startNanos + TimeUnit.SECONDS.toNanos(5);
            List<String> targets = new ArrayList<>(List.of("attacker-1@evil.example", "attacker-2@evil.example"));
            for (int i = 0; i < 4; i++) targets.add("made-up-" + i + "@evil.example");
            targets.addAll(victims);
            CompletableFuture<Void> ready = delayUntil(start)
                    .thenCompose(v -> send(attacker, Kind.ATTACK_OTHER, "GET", "/", null, null, System.nanoTime()))
                    .thenAccept(r -> {
                        Matcher meta = META_CSRF.matcher(r.body());
                        if (meta.find()) attacker.csrf = meta.group(1);
                    });
            for (int i = 1; i <= 2; i++) {
                String email = "attacker-" + i + "@evil.example";
                Learner own = new Learner(i, ATTACKER_ADDRESS, "attacker", false);
                ready = ready.thenCompose(v -> send(own, Kind.ATTACK_OTHER, "GET", "/", null, null, System.nanoTime())).thenCompose(r -> {
                    Matcher meta = META_CSRF.matcher(r.body());
                    if (meta.find()) own.csrf = meta.group(1);
                    return send(own, Kind.ATTACK_OTHER, "POST", "/api/accounts", "application/json",
                            "{\"email\":\"" + email + "\",\"displayName\":\"Mallory\",\"password\":\"mallory-real-password\"}", System.nanoTime());
                }).thenAccept(r -> {});
            }
            CompletableFuture<Void> armed = ready;
            for (int slot = 0; slot < options.attackConcurrency(); slot++) {
                loops.add(armed.thenCompose(v -> attackLoop(() -> send(attacker, Kind.ATTACK_CONV, "POST", "/api/convolutions",
                        "application/json", AMPLIFYING_BODY, System.nanoTime()), 200)));
            }
            AtomicInteger attempt = new AtomicInteger();
            for (int slot = 0; slot < options.loginConcurrency(); slot++) {
                loops.add(armed.thenCompose(v -> attackLoop(() -> {
                    int n = attempt.getAndIncrement();
                    String email = targets.get(n % targets.size());
                    String password = "guess-" + n;
                    return n % 2 == 0
                            ? send(attacker, Kind.ATTACK_LOGIN, "POST", "/api/session", "application/json",
                                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", System.nanoTime())
                            : send(attacker, Kind.ATTACK_LOGIN, "POST", "/login", "application/x-www-form-urlencoded",
                                    "csrf-token=" + attacker.csrf + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                            + "&password=" + password + "&next=/", System.nanoTime());
                }, 250)));
            }
            return loops;
        }

        /** Sends again as soon as the last answer came, at most once per {@code minMillis}, until the end. */
        CompletableFuture<Void> attackLoop(Supplier<CompletableFuture<Reply>> request, long minMillis) {
            if (over()) return CompletableFuture.completedFuture(null);
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(minMillis);
            return request.get().thenCompose(r -> delayUntil(next)).thenCompose(v -> attackLoop(request, minMillis));
        }

        // ------------------------------------------------------------------------------------------------ running

        void execute(int rampSeconds, int seconds, String prefix) throws Exception {
            startNanos = System.nanoTime();
            endNanos = startNanos + TimeUnit.SECONDS.toNanos(rampSeconds + seconds);
            List<String> victims = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                Learner l = new Learner(i, prefix + (i / 250) + "." + (i % 250 + 1), measured ? "learner" : "warm-up", measured && i % 10 == 0);
                if (l.targeted) victims.add(l.email);
                walkers.add(l);
                plan(l, startNanos + (long) (TimeUnit.SECONDS.toNanos(rampSeconds) * (i + 0.5) / learners));
                next(l, new CompletableFuture<>());
            }
            if (attack) attack(victims);
            long graceEnd = endNanos + TimeUnit.SECONDS.toNanos(35);
            while (System.nanoTime() < graceEnd && !(over() && stats.inFlight.get() == 0)) {
                Thread.sleep(200);
            }
            walkers.forEach(l -> {
                Flow.Subscription events = l.events;
                if (events != null) events.cancel();
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------- bodies

    static final String SPOT_BODY = "{\"input\":{\"dataset\":\"mnist\",\"indices\":[7]},\"kernels\":[[[-1,-1,-1],[0,0,0],[1,1,1]]]}";
    static final String FEATURE_MAPS_BODY = "{\"input\":{\"dataset\":\"mnist\",\"indices\":[7]},\"kernels\":[[[-1,-1,-1],[0,0,0],[1,1,1]],"
            + "[[-1,0,1],[-1,0,1],[-1,0,1]],[[0,-1,1],[-1,1,0],[1,0,0]],[[1,-1,0],[0,1,-1],[0,0,1]]],\"stride\":1,\"dilation\":1,\"padding\":\"valid\"}";
    static final String IM2COL_BODY = "{\"dataset\":\"mnist\",\"index\":7,\"kernel\":[[-1,-1,-1],[0,0,0],[1,1,1]]}";
    static final String ARCHITECTURE_BODY = "{\"downsampling\":\"STRIDE2\",\"kernelSize\":3,\"channels\":[4,8,16,16],\"batchNorm\":false,\"head\":\"FLATTEN\"}";
    static final String SHAPE_BODY = "{\"input\":{\"pixels\":[[" + String.join(",", java.util.Collections.nCopies(28,
            "[" + String.join(",", java.util.Collections.nCopies(28, "0")) + "]")) + "]]},\"kernels\":[[[1,1,1],[1,1,1],[1,1,1]]],"
            + "\"stride\":2,\"dilation\":1,\"padding\":1}";
    /** 64 digits × 16 one-by-one kernels with padding 16: about 400 bytes in, about 16 MB out. */
    static final String AMPLIFYING_BODY = "{\"input\":{\"dataset\":\"mnist\",\"indices\":["
            + java.util.stream.IntStream.range(0, 64).mapToObj(String::valueOf).collect(Collectors.joining(","))
            + "]},\"kernels\":[" + String.join(",", java.util.Collections.nCopies(16, "[[1]]"))
            + "],\"stride\":1,\"dilation\":1,\"padding\":16}";

    /** The lab's top-edge kernel with its top-left weight typed as {@code weight}, as the lab page sends it. */
    static String labBody(int weight) {
        return "{\"input\":{\"dataset\":\"mnist\",\"indices\":[7]},\"kernels\":[[[" + weight + ",-1,-1],[0,0,0],[1,1,1]]],"
                + "\"stride\":1,\"dilation\":1,\"padding\":\"valid\"}";
    }

    /** The colour lab's top-edge kernel (red channel's top-left weight typed), summed and per channel, as it sends it. */
    static String photoBody(int weight) {
        int[][][] channels = new int[3][][];
        for (int c = 0; c < 3; c++) channels[c] = new int[][] {{-1, -1, -1}, {0, 0, 0}, {1, 1, 1}};
        channels[0][0][0] = weight;
        List<String> kernels = new ArrayList<>();
        for (int only = -1; only < 3; only++) {
            StringBuilder k = new StringBuilder("[");
            for (int y = 0; y < 3; y++) {
                k.append(y == 0 ? "[" : ",[");
                for (int x = 0; x < 3; x++) {
                    k.append(x == 0 ? "[" : ",[");
                    for (int c = 0; c < 3; c++) k.append(c == 0 ? "" : ",").append(only < 0 || only == c ? channels[c][y][x] : 0);
                    k.append("]");
                }
                k.append("]");
            }
            kernels.add(k.append("]").toString());
        }
        return "{\"input\":{\"dataset\":\"photos\",\"indices\":[0]},\"kernels\":[" + String.join(",", kernels)
                + "],\"stride\":1,\"dilation\":1,\"padding\":\"valid\"}";
    }

    /** Step 8's form sends the default run's fields as numbers and names. */
    static String runRequest(String defaults) {
        List<String> fields = new ArrayList<>();
        for (String name : List.of("dataset", "downsampling", "optimizer", "learningRate", "batchSize", "epochs", "seed")) {
            Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[-0-9.eE]+)").matcher(defaults);
            if (m.find()) fields.add("\"" + name + "\":" + m.group(1));
        }
        return "{" + String.join(",", fields) + "}";
    }

    // ---------------------------------------------------------------------------------------------------- main

    record Result(int learners, Run run, double seconds, double loadCpu, double appCpu, String memory, String loadBefore, String loadAfter) {}

    /** The machine's 1-minute load average: other work on these shared cores shows here. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(App::stop)));
        Files.createDirectories(Path.of("target"));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Result> results = new ArrayList<>();
        for (int n : options.learners()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            HttpClient attackClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newSingleThreadExecutor()).followRedirects(HttpClient.Redirect.NEVER).build();
            System.err.printf("%s N=%d: starting the app%n", Instant.now(), n);
            App app = App.start(options, "N" + n + (options.attacker() ? "-attacker" : ""));
            try {
                String base = "http://127.0.0.1:" + options.port();
                Site site = Site.crawl(client, base);
                if (options.warmup() > 0) {
                    System.err.printf("%s N=%d: warm-up, 10 learners for %d s (not counted)%n", Instant.now(), n, options.warmup());
                    new Run(options, base, site, 10, false, client, attackClient, callbacks, timer).execute(2, options.warmup(), "10.99.");
                }
                System.err.printf("%s N=%d: %d learners arrive over %d s, then %d s%s%n", Instant.now(), n, n, options.ramp(),
                        options.duration(), options.attacker() ? ", with the attacker" : "");
                double cpu0 = os.getProcessCpuTime() / 1e9, app0 = app.cpuSeconds();
                String loadBefore = loadAverage();
                long t0 = System.nanoTime();
                Run run = new Run(options, base, site, n, true, client, attackClient, callbacks, timer);
                run.execute(options.ramp(), options.duration(), "10.20.");
                double seconds = (System.nanoTime() - t0) / 1e9;
                results.add(new Result(n, run, seconds, os.getProcessCpuTime() / 1e9 - cpu0, app.cpuSeconds() - app0, app.memory(), loadBefore, loadAverage()));
                System.err.printf("%s N=%d: done%n", Instant.now(), n);
            } finally {
                app.stop();
            }
        }
        callbacks.shutdownNow();
        timer.shutdownNow();
        print(options, results);
        System.exit(0);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) return "–";
        return value < 10 ? String.format(Locale.ROOT, "%.1f ms", value) : String.format(Locale.ROOT, "%,.0f ms", value);
    }

    static void print(Options options, List<Result> results) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("## A class on the packaged app (%d cores, %s, %d s arrivals + %d s, warm-up %d s, attacker %s)%n%n",
                cores, java.time.LocalDate.now(java.time.ZoneOffset.UTC), options.ramp(), options.duration(), options.warmup(),
                options.attacker() ? "on" : "off");
        StringBuilder header = new StringBuilder("| learner requests |");
        StringBuilder line = new StringBuilder("|---|");
        for (Result r : results) {
            header.append(" N=").append(r.learners()).append(" count | p50 | p99 | refused | 5xx |");
            line.append("---|---|---|---|---|");
        }
        System.out.println(header);
        System.out.println(line);
        for (Kind kind : Kind.values()) {
            if (kind.attacker()) continue;
            StringBuilder row = new StringBuilder("| " + kind.label + " |");
            for (Result r : results) {
                Tally t = r.run().stats.of(kind);
                long[] sorted = t.sorted();
                boolean derived = kind == Kind.PAGE_LOADED;
                row.append(String.format(Locale.ROOT, " %,d | %s | %s | %s | %s |", sorted.length,
                        millis(percentile(sorted, 0.5)), millis(percentile(sorted, 0.99)),
                        derived ? "" : String.valueOf(t.refused()), derived ? "" : String.valueOf(t.serverError.get())));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.println("| N | learner requests/s | refused (429 / 503 / 401 / other 4xx) | 5xx other than 503 | failed (I/O, timeout) | walks finished | walks ended by a refused sign-up or log-in | targeted learners' log-ins refused | load generator CPU | app CPU (JVM + PostgreSQL) | app memory at the end | machine load average, before → after |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            Stats s = r.run().stats;
            int requests = 0, tooMany = 0, unavailable = 0, unauthorized = 0, other = 0, server = 0, failed = 0;
            for (Kind kind : Kind.values()) {
                if (kind.attacker() || kind == Kind.PAGE_LOADED) continue;
                Tally t = s.of(kind);
                requests += t.answered() + t.failed.get();
                tooMany += t.tooMany.get();
                unavailable += t.unavailable.get();
                unauthorized += t.unauthorized.get();
                other += t.otherClientError.get();
                server += t.serverError.get();
                failed += t.failed.get();
            }
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %d (%d / %d / %d / %d) | %d | %d | %d of %d | %d | %d | %.0f%% of %d cores | %.0f%% of %d cores | %s | %s → %s |%n",
                    r.learners(), requests / (double) (options.ramp() + options.duration()), tooMany + unavailable + unauthorized + other, tooMany, unavailable,
                    unauthorized, other, server, failed, s.finishedWalk.get(), r.learners(), s.gaveUp.get(), s.targetedLoginsRefused.get(),
                    100 * r.loadCpu() / r.seconds() / cores, cores, 100 * r.appCpu() / r.seconds() / cores, cores, r.memory(), r.loadBefore(), r.loadAfter());
        }
        if (options.attacker()) {
            System.out.println();
            System.out.println("| N | attacker | sent | got through (2xx; 401 for a wrong password) | refused (429 / 503 / other 4xx) | 5xx | failed | answers by status | p50 | p99 | received |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Result r : results) {
                for (Kind kind : List.of(Kind.ATTACK_CONV, Kind.ATTACK_LOGIN)) {
                    Tally t = r.run().stats.of(kind);
                    long[] sorted = t.sorted();
                    int through = t.ok.get() + (kind == Kind.ATTACK_LOGIN ? t.unauthorized.get() : 0);
                    System.out.printf(Locale.ROOT, "| %d | %s | %,d | %,d | %,d (%d / %d / %d) | %d | %d | %s | %s | %s | %s |%n", r.learners(),
                            kind.label.substring("attacker: ".length()), t.answered() + t.failed.get(), through,
                            t.tooMany.get() + t.unavailable.get() + t.otherClientError.get() + (kind == Kind.ATTACK_LOGIN ? 0 : t.unauthorized.get()),
                            t.tooMany.get(), t.unavailable.get(), t.otherClientError.get() + (kind == Kind.ATTACK_LOGIN ? 0 : t.unauthorized.get()),
                            t.serverError.get(), t.failed.get(),
                            new java.util.TreeMap<>(t.statuses).toString().replace("=", ": ").replace("{", "").replace("}", ""),
                            millis(percentile(sorted, 0.5)), millis(percentile(sorted, 0.99)),
                            kind == Kind.ATTACK_CONV ? String.format(Locale.ROOT, "%,.0f MB", t.bytes.get() / 1e6) : "");
                }
            }
        }
        results.stream().filter(r -> r.learners() == 300).findFirst().ifPresent(r -> {
            Stats s = r.run().stats;
            double page = percentile(s.of(Kind.PAGE).sorted(), 0.99), lab = percentile(s.of(Kind.LAB).sorted(), 0.99);
            int server = 0, refused = 0;
            for (Kind kind : Kind.values()) {
                if (kind.attacker() || kind == Kind.PAGE_LOADED) continue;
                server += s.of(kind).serverError.get();
                refused += s.of(kind).refused() + s.of(kind).failed.get();
            }
            System.out.println();
            System.out.printf("Targets at N=300: page p99 %s (≤ 300 ms: %s), kernel-lab p99 %s (≤ 50 ms: %s), 5xx other than 503: %d, "
                    + "learner requests refused or failed: %d (zero: %s).%n", millis(page), page <= 300 ? "met" : "**not met**", millis(lab),
                    lab <= 50 ? "met" : "**not met**", server, refused, server == 0 && refused == 0 ? "met" : "**not met**");
        });
        for (Result r : results) {
            Stats s = r.run().stats;
            System.out.printf("%nN=%d over time (10-s windows by when a request ended, from the first arrival):%n%n", r.learners());
            System.out.println("| seconds | pages | page p99 | lab requests | lab p99 | sign-ups, log-ins, log-outs | their p99 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int from = 0; from < options.ramp() + options.duration() + 30; from += 10) {
                long[] page = s.of(Kind.PAGE).sortedBetween(from, from + 10), lab = s.of(Kind.LAB).sortedBetween(from, from + 10),
                        account = s.of(Kind.ACCOUNT).sortedBetween(from, from + 10);
                if (page.length + lab.length + account.length == 0) continue;
                System.out.printf(Locale.ROOT, "| %d–%d | %,d | %s | %,d | %s | %,d | %s |%n", from, from + 10, page.length,
                        millis(percentile(page, 0.99)), lab.length, millis(percentile(lab, 0.99)), account.length,
                        millis(percentile(account, 0.99)));
            }
        }
        results.forEach(r -> {
            if (!r.run().stats.problems.isEmpty()) {
                System.out.println("\nN=" + r.learners() + ", learner requests refused, failed or answered 5xx: " + r.run().stats.problems.entrySet()
                        .stream().sorted((a, b) -> b.getValue().get() - a.getValue().get())
                        .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; ")) + ".");
            }
            if (!r.run().stats.unknown.isEmpty()) System.out.println("\nN=" + r.learners() + ": not simulated: " + r.run().stats.unknown);
        });
    }

}
