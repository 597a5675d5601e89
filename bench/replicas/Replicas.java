import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The checks of bench/replicas.sh: two running replicas (REPLICA_A, REPLICA_B) of one deployment, one database, one
 * Redis. Run by bench/replicas.sh, which starts everything and passes the environment; `java Replicas.java` needs no
 * build. Each check prints PASS, FAIL or SKIP with its figures; the exit code is 1 when any check failed.
 */
public final class Replicas {
    static final String A = env("REPLICA_A"), B = env("REPLICA_B");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final List<String[]> RESULTS = new ArrayList<>();
    static final long RUN = System.currentTimeMillis() % 1_000_000;   // makes names unique per run
    static String adminToken;

    public static void main(String[] args) throws Exception {
        adminToken = login(A, env("ADMIN_USER"), env("ADMIN_PASSWORD"));
        Set<String> only = Set.of(System.getenv().getOrDefault("ONLY", "").split(","));
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("ratelimit", Replicas::rateLimits);
        checks.put("modelquota", Replicas::modelQuota);
        checks.put("revocation", Replicas::revocation);
        checks.put("websocket", Replicas::orderUpdates);
        checks.put("otp", Replicas::otp);
        checks.put("cooldown", Replicas::cooldown);
        checks.put("idempotency", Replicas::idempotency);
        checks.put("uploads", Replicas::uploads);
        checks.put("credits", Replicas::credits);
        checks.put("payments", Replicas::payments);
        checks.put("exports", Replicas::exports);   // last: it kills one replica
        for (var check : checks.entrySet()) {
            if (!only.contains("") && !only.contains(check.getKey())) continue;
            System.out.println("---- " + check.getKey());
            try {
                check.getValue().run();
            } catch (Exception | AssertionError e) {
                result("FAIL", check.getKey(), "error: " + e);
            }
        }
        System.out.println();
        System.out.println("| result | check | figures |");
        System.out.println("|---|---|---|");
        for (String[] r : RESULTS) System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
        System.exit(RESULTS.stream().anyMatch(r -> r[0].equals("FAIL")) ? 1 : 0);
    }

    interface Check { void run() throws Exception; }

    static void result(String verdict, String check, String figures) {
        RESULTS.add(new String[]{verdict, check, figures});
        System.out.println(verdict + " " + check + ": " + figures);
    }

    static void verdict(boolean pass, String check, String figures) { result(pass ? "PASS" : "FAIL", check, figures); }

    // ---- per-key rate limit ----------------------------------------------------------------------------------------

    /**
     * One exact limit (counted per request in Redis) and one leased limit (above 1 200/min), each split over A and B,
     * after a warm-up of both replicas with another key (a cold JVM answers slowly enough to trip the limiter's 250 ms
     * Redis timeout, which makes each replica decide on its own: ADR 0005's fallback, counted and printed here).
     */
    static void rateLimits() throws Exception {
        String warm = createKey("ratelimit-warmup", 100_000_000, "profiles:read");
        parallel(3000, CLIENTS, i -> send("GET", (i % 2 == 0 ? A : B) + "/api/v1/auth/me", null, "X-API-Key", warm));
        rateLimit(600);
        rateLimit(6000);
    }

    static final int CLIENTS = Integer.parseInt(System.getenv().getOrDefault("RATE_LIMIT_CLIENTS", "16"));

    /**
     * Sends 2×N requests with one key, alternately to A and B, CLIENTS at a time, as fast as the replicas answer. GCRA
     * lets a fresh key through with a burst of N, then N per minute: over the T seconds the run lasts, the most a
     * single exact limiter admits is N + N·T/60. Both replicas together must stay within 1 % of that, and admit at
     * least 99 % of N (the burst).
     */
    static void rateLimit(int limit) throws Exception {
        String key = createKey("ratelimit-" + limit, limit, "profiles:read");
        int total = 2 * limit;
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger[] perReplicaOk = {new AtomicInteger(), new AtomicInteger()};
        double fallbacksBefore = fallbacks(A) + fallbacks(B);
        long started = System.nanoTime();
        parallel(total, CLIENTS, i -> {
            var r = send("GET", (i % 2 == 0 ? A : B) + "/api/v1/auth/me", null, "X-API-Key", key);
            synchronized (statuses) { statuses.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet(); }
            if (r.status == 200) perReplicaOk[i % 2].incrementAndGet();
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double fallbacks = fallbacks(A) + fallbacks(B) - fallbacksBefore;
        int admitted = count(statuses, 200), refused = count(statuses, 429), other = total - admitted - refused;
        double allowed = limit + limit * seconds / 60;
        boolean pass = admitted <= allowed * 1.01 && admitted >= limit * 0.99 && other == 0;
        verdict(pass, "rate limit " + limit + "/min" + (limit > 1200 ? " (leased)" : " (exact)"), String.format(
                "%d requests, %d at a time, in %.2f s: %d admitted (A %d, B %d), %d refused, %d other; admitted/N = "
                        + "%.4f; GCRA allows N + N·T/60 = %.1f in that time, admitted/that = %.4f (limit 1.01); checks "
                        + "decided in memory because Redis was late (fallbacks): %.0f", total, CLIENTS, seconds, admitted,
                perReplicaOk[0].get(), perReplicaOk[1].get(), refused, other, admitted / (double) limit, allowed,
                admitted / allowed, fallbacks));
    }

    /** The replica's hexcore_ratelimit_redis_fallbacks_total (0 when it was never incremented). */
    static double fallbacks(String replica) {
        var m = Pattern.compile("(?m)^hexcore_ratelimit_redis_fallbacks_total(\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(send("GET", replica + "/q/metrics", null).body);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(2));
        return sum;
    }

    // ---- model-key quotas ------------------------------------------------------------------------------------------

    /**
     * Roleplay requests (each a new message, so no cache hit) from 8 clients split over A and B, far more than the
     * keys' quotas; the stand-in counts what reaches it per key. No key may get a 429 from the stand-in, more than
     * MODEL_RPM requests in any 60 s, or more than MODEL_RPD in the run (the day).
     */
    static void modelQuota() throws Exception {
        int rpm = Integer.parseInt(env("MODEL_RPM")), rpd = Integer.parseInt(env("MODEL_RPD"));
        String token = registerAndLogin("quota").token;
        int total = 80;
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        long started = System.currentTimeMillis();
        parallel(total, 8, i -> {
            String body = json("scenario", "Ordering coffee in a cafe", "role", "Barista", "message",
                    "replicas " + RUN + " question " + i, "target_language", "Spanish", "level", "A2");
            var r = send("POST", (i % 2 == 0 ? A : B) + "/api/v1/roleplay/chat", body, "Authorization", "Bearer " + token);
            synchronized (statuses) { statuses.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet(); }
            return null;
        });
        Map<String, List<Double>> arrivals = new TreeMap<>();
        int stubRejected = 0;
        for (String line : Files.readAllLines(Path.of(env("STUB_LOG")))) {
            Map<String, Object> entry = Json.object(line);
            if (((Number) entry.get("arrival")).doubleValue() * 1000 < started) continue;
            if (((Number) entry.get("status")).intValue() == 200) {
                arrivals.computeIfAbsent((String) entry.get("key"), k -> new ArrayList<>())
                        .add(((Number) entry.get("arrival")).doubleValue());
            } else {
                stubRejected++;
            }
        }
        boolean pass = stubRejected == 0 && count(statuses, 200) > 0;
        StringBuilder perKey = new StringBuilder();
        for (var e : arrivals.entrySet()) {
            List<Double> t = e.getValue();
            int maxIn60 = 0;
            for (int i = 0, j = 0; i < t.size(); i++) {
                while (t.get(i) - t.get(j) >= 60) j++;
                maxIn60 = Math.max(maxIn60, i - j + 1);
            }
            pass &= maxIn60 <= rpm && t.size() <= rpd;
            perKey.append(String.format("%s: %d served, at most %d in 60 s; ", e.getKey().replace("stub-secret-", "key "),
                    t.size(), maxIn60));
        }
        verdict(pass, "model-key quotas", String.format("%d roleplay calls over A and B → %s; at the stand-in: %s"
                + "%d refused by it (quota RPM %d, RPD %d per key)", total, statuses, perKey, stubRejected, rpm, rpd));
    }

    // ---- revocation ------------------------------------------------------------------------------------------------

    /** A key revoked and a user disabled through A, while B is polled every 50 ms with them. */
    static void revocation() throws Exception {
        List<Long> keyDelays = new ArrayList<>(), userDelays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String secret = createKey("revoke-" + i, 1_000_000, "profiles:read");
            String id = lastKeyId;
            keyDelays.add(refusedAfter(() -> send("GET", B + "/api/v1/auth/me", null, "X-API-Key", secret).status,
                    () -> expect(204, send("DELETE", A + "/api/v1/admin/api-keys/" + id, null, auth(adminToken)))));
        }
        for (int i = 0; i < 3; i++) {
            User user = registerAndLogin("disable" + i);
            userDelays.add(refusedAfter(() -> send("GET", B + "/api/v1/auth/me", null, auth(user.token)).status,
                    () -> expect(200, send("POST", A + "/api/v1/admin/users/" + user.id + "/disable", null, auth(adminToken)))));
        }
        long worst = Math.max(keyDelays.stream().mapToLong(Long::longValue).max().orElseThrow(),
                userDelays.stream().mapToLong(Long::longValue).max().orElseThrow());
        verdict(worst <= 1000, "revocation A → B", "ms from the revoke's answer on A to B's first 401 (B polled every "
                + "50 ms): keys " + keyDelays + ", disabled users " + userDelays + "; worst " + worst + " ms (limit 1000)");
    }

    /** Polls every 50 ms until the caller is accepted, runs the change, then polls until refused; the delay in ms. */
    static long refusedAfter(IntSupplierX poll, RunnableX change) throws Exception {
        for (int i = 0; poll.get() != 200; i++) {
            if (i > 100) throw new AssertionError("the caller is never accepted on B");
            Thread.sleep(50);
        }
        change.run();
        long changed = System.nanoTime();
        while (true) {
            int status = poll.get();
            long elapsed = (System.nanoTime() - changed) / 1_000_000;
            if (status == 401 || status == 403) return elapsed;
            if (elapsed > 10_000) throw new AssertionError("B still accepts the caller after 10 s");
            Thread.sleep(50);
        }
    }

    interface IntSupplierX { int get() throws Exception; }
    interface RunnableX { void run() throws Exception; }

    // ---- live order updates ----------------------------------------------------------------------------------------

    record Shop(String id, String customerId, String productId, User manager) {}

    /** A CRM shop with a manager (staff), a customer with a Telegram id, a stocked product. */
    static Shop shop(String name, long customerTelegramId) throws Exception {
        String shopId = field(expect(201, send("POST", A + "/api/v1/shops", json("name", name + " " + RUN,
                "markup_percent", 100, "price_rounding", 10), auth(adminToken))), "id");
        User manager = registerAndLogin(name + "mgr");
        expect(200, send("PUT", A + "/api/v1/admin/users/" + manager.id + "/roles", "{\"roles\":[\"manager\"]}",
                auth(adminToken)));
        expect(201, send("POST", A + "/api/v1/shops/" + shopId + "/staff", json("user_id", manager.id), auth(adminToken)));
        String q = "?shop_id=" + shopId;
        String customer = field(expect(201, send("POST", A + "/api/v1/customers" + q, json("name", "Replica Customer",
                "phone", "+7916" + (1_000_000 + customerTelegramId % 9_000_000), "telegram_id", customerTelegramId),
                auth(adminToken))), "id");
        String item = field(expect(201, send("POST", A + "/api/v1/warehouse" + q, json("name", "Rose", "unit", "pcs",
                "quantity", 10000, "unit_cost", 50, "min_quantity", 1), auth(adminToken))), "id");
        String product = field(expect(201, send("POST", A + "/api/v1/products" + q, "{\"name\":\"Bouquet\",\"price\":500,"
                + "\"components\":[{\"warehouse_item_id\":\"" + item + "\",\"quantity\":3}]}", auth(adminToken))), "id");
        return new Shop(shopId, customer, product, manager);
    }

    static String placeOrder(Shop shop, String replica, String token) throws Exception {
        return field(expect(201, send("POST", replica + "/api/v1/orders?shop_id=" + shop.id, "{\"customer_id\":\""
                + shop.customerId + "\",\"items\":[{\"product_id\":\"" + shop.productId + "\",\"quantity\":1}]}",
                auth(token))), "id");
    }

    /** A manager's socket on A and one on B; an order placed on A and moved on B must reach both. */
    static void orderUpdates() throws Exception {
        Shop shop = shop("ws", 7_000_000_000L + RUN);
        String managerToken = login(A, shop.manager.username, shop.manager.password);
        Socket onA = Socket.open(A, managerToken), onB = Socket.open(B, managerToken);
        long placed = System.nanoTime();
        String order = placeOrder(shop, A, managerToken);
        long a1 = onA.await(order, "new", placed), b1 = onB.await(order, "new", placed);
        long moved = System.nanoTime();
        expect(200, send("POST", B + "/api/v1/orders/" + order + "/status", json("status", "confirmed"), auth(managerToken)));
        long a2 = onA.await(order, "confirmed", moved), b2 = onB.await(order, "confirmed", moved);
        onA.close();
        onB.close();
        verdict(a1 >= 0 && b1 >= 0 && a2 >= 0 && b2 >= 0, "order updates over WebSocket", String.format(
                "placed on A: socket on A got it after %d ms, on B after %d ms; confirmed on B: A after %d ms, B after %d ms"
                        + " (-1: not within 5 s)", a1, b1, a2, b2));
    }

    static final class Socket implements WebSocket.Listener {
        final List<Map<String, Object>> updates = new CopyOnWriteArrayList<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static Socket open(String replica, String token) throws Exception {
            String ticket = field(expect(200, send("POST", replica + "/api/v1/ws/ticket", null, auth(token))), "ticket");
            Socket socket = new Socket();
            socket.ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(replica.replace("http", "ws")
                    + "/ws/orders?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)), socket).get(10, TimeUnit.SECONDS);
            return socket;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                updates.add(Json.object(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** ms from {@code since} until an order_update of the order in the status arrived, or -1 after 5 s. */
        @SuppressWarnings("unchecked")
        long await(String orderId, String status, long since) throws InterruptedException {
            while (System.nanoTime() - since < 5_000_000_000L) {
                for (var u : updates) {
                    var data = (Map<String, Object>) u.get("data");
                    if ("order_update".equals(u.get("type")) && data != null && orderId.equals(data.get("id"))
                            && status.equals(data.get("status"))) {
                        return (System.nanoTime() - since) / 1_000_000;
                    }
                }
                Thread.sleep(5);
            }
            return -1;
        }

        void close() { ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"); }
    }

    // ---- OTP, cooldowns, idempotency, uploads ----------------------------------------------------------------------

    /** Code sent through A (read from A's log: no bot token), verified on B; then used once more on A: refused. */
    static void otp() throws Exception {
        User user = registerAndLogin("otp");
        long telegramId = 8_000_000_000L + RUN;
        expect(200, send("PATCH", A + "/api/v1/users/me", json("telegram_id", telegramId), auth(user.token)));
        expect(200, send("POST", A + "/api/v1/auth/telegram/send-otp", json("telegram_id", telegramId)));
        Pattern line = Pattern.compile("Message for Telegram chat " + telegramId + " .*?code: (\\d{6})");
        String code = null;
        for (int i = 0; i < 40 && code == null; i++) {
            Matcher m = line.matcher(Files.readString(Path.of(env("LOG_A"))));
            while (m.find()) code = m.group(1);
            if (code == null) Thread.sleep(50);
        }
        if (code == null) throw new AssertionError("no login code for " + telegramId + " in " + env("LOG_A"));
        var onB = send("POST", B + "/api/v1/auth/telegram/verify-otp", json("telegram_id", telegramId, "code", code));
        String token = onB.status == 200 ? field(onB, "access_token") : null;
        int me = token == null ? -1 : send("GET", A + "/api/v1/auth/me", null, auth(token)).status;
        var again = send("POST", A + "/api/v1/auth/telegram/verify-otp", json("telegram_id", telegramId, "code", code));
        verdict(onB.status == 200 && me == 200 && again.status == 401, "OTP send on A, verify on B", String.format(
                "verify on B → %d (token works on A: %d); the same code again on A → %d", onB.status, me, again.status));
    }

    /** Recommendations for a person with 5 orders: generated on A, a second generate on B is in the cooldown. */
    static void cooldown() throws Exception {
        long tgid = 6_000_000_000L + RUN;
        Shop shop = shop("reco", tgid);
        for (int i = 0; i < 5; i++) placeOrder(shop, i % 2 == 0 ? A : B, adminToken);
        var first = send("POST", A + "/api/v1/users/" + tgid + "/recommendations/generate", null, auth(adminToken));
        var second = send("POST", B + "/api/v1/users/" + tgid + "/recommendations/generate", null, auth(adminToken));
        var cached = send("GET", B + "/api/v1/users/" + tgid + "/recommendations", null, auth(adminToken));
        String code = second.status == 429 ? String.valueOf(Json.object(second.body).get("code")) : "-";
        verdict(first.status == 200 && second.status == 429 && code.equals("RECOMMENDATIONS_COOLDOWN")
                        && second.header("Retry-After") != null && cached.status == 200,
                "recommendation cooldown A → B", String.format("generate on A → %d; generate on B → %d %s, Retry-After %s s;"
                        + " GET on B → %d", first.status, second.status, code, second.header("Retry-After"), cached.status));
    }

    /** A bot generation with one Idempotency-Key on A, then on B; then another key sent to A and B at once. */
    static void idempotency() throws Exception {
        String bot = botKey();
        long chat = botUser(bot, 10);
        String key = "replicas-" + UUID.randomUUID();
        var first = generate(A, bot, chat, key);
        var retry = generate(B, bot, chat, key);
        boolean sameAnswer = first.status == 200 && retry.status == 200
                && Json.object(first.body).get("new_balance").equals(Json.object(retry.body).get("new_balance"))
                && Json.object(first.body).get("main_images").equals(Json.object(retry.body).get("main_images"));
        String raced = "replicas-" + UUID.randomUUID();
        List<Resp> both = parallel(2, 2, i -> generate(i == 0 ? A : B, bot, chat, raced));
        int charges = Integer.parseInt(sql("select count(*) from bot_credit_entries where chat_id = " + chat
                + " and reason = 'generation'"));
        int generations = Integer.parseInt(sql("select count(*) from bot_generations where chat_id = " + chat));
        boolean racedOk = both.stream().filter(r -> r.status == 200).count() >= 1
                && both.stream().allMatch(r -> r.status == 200 || r.status == 409);
        verdict(sameAnswer && "true".equals(retry.header("Idempotency-Replayed")) && racedOk && charges == 2
                        && generations == 2, "idempotency key A then B", String.format(
                "key 1: A → %d, B → %d (Idempotency-Replayed %s, same images and balance: %s); key 2 on A and B at once → "
                        + "%d and %d; generations %d, charges %d (expected 2 and 2)", first.status, retry.status,
                retry.header("Idempotency-Replayed"), sameAnswer, both.get(0).status, both.get(1).status, generations,
                charges));
    }

    /** An image uploaded through A, served by B (HEXCORE_STORAGE_DIRECTORY is one shared folder). */
    static void uploads() throws Exception {
        User user = registerAndLogin("upload");
        Multipart form = new Multipart().file("file", "photo.png", "image/png", png(320, 200));
        var up = expect(201, send("POST", A + "/api/v1/upload/image", form.body(), "Content-Type", form.contentType(),
                "Authorization", "Bearer " + user.token));
        String url = field(up, "url");
        var fromA = sendBytes(A + url);
        var fromB = sendBytes(B + url);
        verdict(fromB.statusCode() == 200 && Arrays.equals(fromA.body(), fromB.body()), "upload on A, GET on B",
                String.format("%s: A → %d (%d bytes), B → %d (%d bytes, %s)", url, fromA.statusCode(), fromA.body().length,
                        fromB.statusCode(), fromB.body().length,
                        Arrays.equals(fromA.body(), fromB.body()) ? "same bytes" : "different bytes"));
    }

    // ---- credits ---------------------------------------------------------------------------------------------------

    /** 200 generations at once, split over A and B, by a bot user holding 100 ozhivashki. */
    static void credits() throws Exception {
        String bot = botKey();
        long chat = botUser(bot, 100);
        int grants = Integer.parseInt(sql("select coalesce(sum(amount), 0) from bot_credit_entries where chat_id = "
                + chat + " and amount > 0"));
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        CountDownLatch go = new CountDownLatch(1);
        long started = System.nanoTime();
        parallel(200, 200, i -> {
            go.await();
            var r = generate(i % 2 == 0 ? A : B, bot, chat, null);
            synchronized (statuses) { statuses.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet(); }
            return null;
        }, go);
        double seconds = (System.nanoTime() - started) / 1e9;
        int ok = count(statuses, 200);
        String[] row = sql("select u.ozhivashki, coalesce(sum(e.amount), 0), coalesce(sum(e.amount) filter (where "
                + "e.amount > 0), 0), count(*) filter (where e.reason = 'generation'), count(*) filter (where e.reason = "
                + "'refund'), (select count(*) from bot_generations g where g.chat_id = u.chat_id and g.status = "
                + "'succeeded') from bot_users u left join bot_credit_entries e on e.chat_id = u.chat_id where u.chat_id = "
                + chat + " group by u.chat_id, u.ozhivashki").split("\\|");
        int balance = Integer.parseInt(row[0]), ledgerSum = Integer.parseInt(row[1]), granted = Integer.parseInt(row[2]);
        int spends = Integer.parseInt(row[3]), refunds = Integer.parseInt(row[4]), succeeded = Integer.parseInt(row[5]);
        // 402 when the balance is spent; 503 (with Retry-After) is an honest overload answer, never a lost credit.
        boolean pass = balance >= 0 && balance == ledgerSum && balance == granted - spends + refunds
                && spends - refunds == ok && succeeded == ok && (ok == grants || count(statuses, 503) > 0)
                && statuses.keySet().stream().allMatch(s -> s == 200 || s == 402 || s == 503);
        verdict(pass, "200 concurrent spends", String.format("%.1f s, answers %s; balance %d, ledger sum %d, grants %d, "
                        + "spends %d, refunds %d, succeeded generations %d (balance must be grants − spends + refunds = %d "
                        + "= grants − successes = %d, ≥ 0)", seconds, statuses, balance, ledgerSum, granted, spends,
                refunds, succeeded, granted - spends + refunds, granted - ok));
    }

    // ---- payments --------------------------------------------------------------------------------------------------

    /** Issue 19's contract: duplicate webhooks split over A and B credit a pack once (also racing the succeed call). */
    static void payments() throws Exception {
        String bot = botKey();
        var packs = send("GET", A + "/api/v1/bot/packs", null, "X-API-Key", bot);
        if (packs.status == 404) {
            result("SKIP", "duplicate payment webhooks", "GET /api/v1/bot/packs answers 404: payments (issue 19) are not "
                    + "in this build");
            return;
        }
        expect(200, packs);
        Object parsed = Json.parse(packs.body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = parsed instanceof List<?> l ? (List<Map<String, Object>>) l
                : (List<Map<String, Object>>) ((Map<String, Object>) parsed).get("items");
        Map<String, Object> pack = list.get(0);
        int credits = ((Number) pack.get("ozhivashki")).intValue();
        Object price = pack.get("price") instanceof Map<?, ?> money ? money.get("value") : pack.get("price");
        for (boolean race : new boolean[]{false, true}) {
            long chat = botUser(bot, 0);
            int before = balance(chat);
            var created = expect(200, send("POST", A + "/api/v1/bot/users/" + chat + "/create_payment",
                    "{\"item_name\":" + Json.quote((String) pack.get("title")) + ",\"quantity\":1,\"price\":"
                            + price + "}", "X-API-Key", bot));
            String paymentId = field(created, "payment_id");
            String webhook = "{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\""
                    + paymentId + "\",\"status\":\"succeeded\"}}";
            IntFunction<Resp> succeed = i -> send("POST", A + "/sandbox/payments/" + paymentId + "/succeed", "",
                    "Content-Type", "application/x-www-form-urlencoded");
            List<Resp> answers;
            if (race) {
                answers = parallel(11, 11, i -> i == 10 ? succeed.apply(i)
                        : send("POST", (i % 2 == 0 ? A : B) + "/api/v1/payments/yookassa/webhook", webhook));
            } else {
                int s = succeed.apply(0).status;
                if (s >= 400) throw new AssertionError("sandbox succeed answered " + s);
                answers = parallel(10, 10, i -> send("POST", (i % 2 == 0 ? A : B) + "/api/v1/payments/yookassa/webhook", webhook));
            }
            int gained = 0;
            for (int i = 0; i < 50; i++) {   // the provider's answer may be fetched asynchronously: wait up to 5 s
                gained = balance(chat) - before;
                if (gained >= credits) break;
                Thread.sleep(100);
            }
            Thread.sleep(500);
            gained = balance(chat) - before;
            boolean no5xx = answers.stream().allMatch(r -> r.status < 500);
            verdict(gained == credits && no5xx, "duplicate payment webhooks" + (race ? " racing the succeed" : ""),
                    String.format("pack '%s' of %d: balance +%d after 10 webhooks over A and B (answers %s)",
                            pack.get("title"), credits, gained, answers.stream().map(r -> r.status).toList()));
        }
    }

    // ---- exports ---------------------------------------------------------------------------------------------------

    /**
     * A JSON export of every profile runs once (one attempt, one file); then one whose replica is killed with -9
     * while it writes: the other replica takes the job over when the lease (HEXCORE_EXPORTS_LEASE) runs out.
     */
    static void exports() throws Exception {
        int profiles = Integer.parseInt(System.getenv().getOrDefault("EXPORT_PROFILES", "100000"));
        expect(201, send("POST", A + "/api/v1/profiles/generate", json("count", 100, "persist", true), auth(adminToken)));
        sql("insert into profiles (id, payload, source_key, created_at) select gen_random_uuid(), p.payload, p.source_key,"
                + " p.created_at - make_interval(secs => g) from (select * from profiles limit 100) p, generate_series(1, "
                + (profiles / 100 - 1) + ") g");
        int total = Integer.parseInt(sql("select count(*) from profiles where deleted_at is null"));

        String once = requestExport();
        Map<String, Object> done = awaitExport(once, A, 120);
        String[] job = sql("select j.attempts, e.attempts from jobs j join exports e on e.id = j.subject_id where e.id = '"
                + once + "'").split("\\|");
        long files = filesOf(once);
        verdict("succeeded".equals(done.get("status")) && job[0].equals("1") && job[1].equals("1") && files == 1,
                "export runs once", String.format("%d profiles: %s, %s of %s processed, job attempts %s, export attempts "
                        + "%s, files %d, %s bytes", total, done.get("status"), done.get("processed"), done.get("total"),
                        job[0], job[1], files, done.get("size_bytes")));

        String killed = requestExport();
        long deadline = System.nanoTime() + 60_000_000_000L;
        String victim = null;
        Map<String, Object> seen = null;
        while (victim == null && System.nanoTime() < deadline) {
            seen = Json.object(send("GET", B + "/api/v1/exports/" + killed, null, auth(adminToken)).body);
            if ("running".equals(seen.get("status")) && ((Number) seen.get("progress")).intValue() >= 20) {
                victim = writer();
            }
            if (victim == null) Thread.sleep(20);
        }
        if (victim == null) throw new AssertionError("never saw the export running with progress ≥ 20 %: " + seen);
        String survivor = victim.equals("A") ? B : A;
        long pid = Long.parseLong(env("PID_" + victim));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killedAt = System.nanoTime();
        Map<String, Object> after = awaitExport(killed, survivor, 120);
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        String[] job2 = sql("select j.attempts, j.status, e.attempts from jobs j join exports e on e.id = j.subject_id "
                + "where e.id = '" + killed + "'").split("\\|");
        var download = HTTP.send(HttpRequest.newBuilder(URI.create(survivor + "/api/v1/exports/" + killed + "/download"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.discarding());
        long leftovers = leftoverTemporaryFiles();
        verdict("succeeded".equals(after.get("status")) && job2[0].equals("2") && filesOf(killed) == 1
                        && download.statusCode() == 200 && String.valueOf(after.get("processed")).equals(String.valueOf(total)),
                "export survives kill -9", String.format("replica %s killed at %s %% (%s of %s); the other finished it %.1f s "
                        + "later: %s, %s processed, job attempts %s (%s), export attempts %s, files %d, download %d; the "
                        + "killed writer's partial temporary files left in storage: %d", victim, seen.get("progress"),
                seen.get("processed"), seen.get("total"), takeover, after.get("status"), after.get("processed"), job2[0],
                job2[1], job2[2], filesOf(killed), download.statusCode(), leftovers));
    }

    static String requestExport() throws Exception {
        return field(expect(202, send("POST", A + "/api/v1/exports", "{\"filter\":{},\"format\":\"json\"}",
                auth(adminToken))), "export_id");
    }

    static Map<String, Object> awaitExport(String id, String replica, int seconds) throws Exception {
        Map<String, Object> export = Map.of();
        for (int i = 0; i < seconds * 10; i++) {
            export = Json.object(send("GET", replica + "/api/v1/exports/" + id, null, auth(adminToken)).body);
            if (Set.of("succeeded", "failed").contains(export.get("status"))) return export;
            Thread.sleep(100);
        }
        return export;
    }

    /** Which replica writes the export now: the one holding a temporary file of the storage folder open. */
    static String writer() throws IOException {
        Path storage = Path.of(env("STORAGE_DIR")).toRealPath();
        for (String name : List.of("A", "B")) {
            try (var fds = Files.list(Path.of("/proc", env("PID_" + name), "fd"))) {
                if (fds.anyMatch(fd -> {
                    try {
                        Path target = Files.readSymbolicLink(fd);
                        return target.startsWith(storage) && target.getFileName().toString().endsWith(".tmp");
                    } catch (IOException e) {
                        return false;
                    }
                })) return name;
            }
        }
        return null;
    }

    static long filesOf(String exportId) throws IOException {
        try (var walk = Files.walk(Path.of(env("STORAGE_DIR")))) {
            return walk.filter(p -> p.getFileName().toString().contains(exportId) && !p.getFileName().toString()
                    .endsWith(".tmp")).count();
        }
    }

    static long leftoverTemporaryFiles() throws IOException {
        try (var walk = Files.walk(Path.of(env("STORAGE_DIR")))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    // ---- bot helpers -----------------------------------------------------------------------------------------------

    static String botKey() throws Exception {
        return createKey("bot", 100_000_000, "bot");
    }

    static final AtomicInteger CHATS = new AtomicInteger();

    /** Registers a bot user (welcome: 1) and tops it up to {@code credits} with a ledger grant written in SQL. */
    static long botUser(String bot, int credits) throws Exception {
        long chat = 5_000_000_000L + RUN * 100 + CHATS.incrementAndGet();
        expect(201, send("POST", A + "/api/v1/bot/users", json("chat_id", chat), "X-API-Key", bot));
        int extra = credits - balance(chat);
        if (extra > 0) {
            sql("with u as (update bot_users set ozhivashki = ozhivashki + " + extra + " where chat_id = " + chat
                    + " returning ozhivashki) insert into bot_credit_entries (chat_id, amount, reason, idempotency_key, "
                    + "balance_after, created_at) select " + chat + ", " + extra + ", 'purchase', 'replicas-grant', "
                    + "ozhivashki, now() from u");
        }
        return chat;
    }

    static int balance(long chat) {
        return Integer.parseInt(sql("select ozhivashki from bot_users where chat_id = " + chat));
    }

    static Resp generate(String replica, String bot, long chat, String idempotencyKey) throws IOException {
        Multipart form = new Multipart().field("chat_id", String.valueOf(chat))
                .file("image", "drawing.png", "image/png", png(64, 64));
        List<String> headers = new ArrayList<>(List.of("Content-Type", form.contentType(), "X-API-Key", bot));
        if (idempotencyKey != null) headers.addAll(List.of("Idempotency-Key", idempotencyKey));
        return send("POST", replica + "/api/v1/bot/generate", form.body(), headers.toArray(String[]::new));
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) for (int y = 0; y < height; y++) image.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | 90);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static final class Multipart {
        final String boundary = "replicas" + UUID.randomUUID();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] bytes) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(bytes);
            write("\r\n");
            return this;
        }

        byte[] body() {
            var copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        String contentType() { return "multipart/form-data; boundary=" + boundary; }

        private void write(String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }
    }

    // ---- users, keys -----------------------------------------------------------------------------------------------

    record User(String id, String username, String password, String token) {}

    static final AtomicInteger USERS = new AtomicInteger();

    static User registerAndLogin(String prefix) throws Exception {
        String username = prefix + RUN + "u" + USERS.incrementAndGet(), password = "replicas-password-1";
        String id = field(expect(201, send("POST", A + "/api/v1/auth/register", json("username", username, "email",
                username + "@example.test", "password", password))), "id");
        return new User(id, username, password, login(A, username, password));
    }

    static String login(String replica, String username, String password) throws Exception {
        return field(expect(200, send("POST", replica + "/api/v1/auth/login", json("username", username, "password",
                password))), "access_token");
    }

    static String lastKeyId;

    static String createKey(String label, int perMinute, String scope) throws Exception {
        var r = expect(201, send("POST", A + "/api/v1/admin/api-keys", "{\"label\":\"" + label + " " + RUN
                + "\",\"scopes\":[\"" + scope + "\"],\"rate_limit_per_min\":" + perMinute + "}", auth(adminToken)));
        lastKeyId = field(r, "id");
        return field(r, "key");
    }

    // ---- HTTP, SQL, JSON -------------------------------------------------------------------------------------------

    record Resp(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    static String[] auth(String token) { return new String[]{"Authorization", "Bearer " + token}; }

    static Resp send(String method, String url, Object body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body instanceof String s && !typed) request.header("Content-Type", "application/json");
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : body instanceof byte[] bytes
                ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.ofString((String) body);
        try {
            var r = HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            return new Resp(0, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> sendBytes(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Resp expect(int status, Resp r) {
        if (r.status != status) throw new AssertionError("expected " + status + ", got " + r.status + ": " + r.body);
        return r;
    }

    static String field(Resp r, String name) {
        Object value = Json.object(r.body).get(name);
        if (value == null) throw new AssertionError("no field " + name + " in " + r.body);
        return value.toString();
    }

    static int count(Map<Integer, AtomicInteger> statuses, int status) {
        return statuses.getOrDefault(status, new AtomicInteger()).get();
    }

    interface Task<T> { T run(int i) throws Exception; }

    /** Runs n tasks on virtual threads, at most {@code width} at once; the answers in task order. */
    static <T> List<T> parallel(int n, int width, Task<T> task, CountDownLatch... start) throws Exception {
        Semaphore slots = new Semaphore(width);
        List<CompletableFuture<T>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        slots.acquire();
                        try {
                            return task.run(index);
                        } finally {
                            slots.release();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, executor));
            }
            for (CountDownLatch latch : start) latch.countDown();
            List<T> results = new ArrayList<>();
            for (var f : futures) results.add(f.get());
            return results;
        }
    }

    static String sql(String statement) {
        try {
            Process p = new ProcessBuilder("psql", "-v", "ON_ERROR_STOP=1", "-Atqc", statement).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) throw new IllegalStateException("psql failed: " + out + " for " + statement);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) throw new IllegalStateException("environment variable " + name + " is not set");
        return value;
    }

    /** A JSON object of name/value pairs; values are strings, numbers or booleans. */
    static String json(Object... pairs) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) s.append(',');
            Object v = pairs[i + 1];
            s.append(Json.quote((String) pairs[i])).append(':').append(v instanceof String str ? Json.quote(str) : v);
        }
        return s.append('}').toString();
    }

    /** Just enough JSON: objects as maps, arrays as lists, numbers as BigDecimal. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) throw new IllegalArgumentException("trailing text in JSON: " + text);
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            if (parse(text) instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw new IllegalArgumentException("not a JSON object: " + text);
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            return b.append('"').toString();
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++;   // ':'
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return new BigDecimal(s.substring(start, i));
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }
    }

}
