package io.cairn.itests;

import static io.cairn.itests.UiBrowser.testId;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI at {@code /ui/} in headless Chromium, against two {@code -dev} agents of the built distribution: one
 * without ACLs and one with {@code default_policy = "deny"} and an initial management token. The browser finds
 * what it checks by the UI's {@code data-testid} hooks and waits for it explicitly; the test checks what the UI did
 * over the HTTP API.
 * <p>
 * The open agent's catalog holds the external nodes {@code ext-a} (rack r1, {@code web} v1, its check passing),
 * {@code ext-b} ({@code web} v2, critical) and {@code ext-c} ({@code db} primary, critical); the agent itself runs
 * {@code api} (a passing TTL check). With {@code -Dui.screenshots=<dir>} the tests save screenshots of the main pages
 * there (docs/ui/ holds the ones docs/ui.md shows).
 */
public class UiIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MANAGEMENT = UUID.randomUUID().toString();
    private static final String TOKEN_KEY = "cairn:token";
    private static AgentProcess agent;
    private static AgentProcess aclAgent;
    private static UiBrowser browser;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-ui-it");
        Path aclConfig = Files.writeString(dir.resolve("acl.json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "tokens": {"initial_management": "%s"}}}"""
                .formatted(MANAGEMENT));
        agent = new AgentProcess("ui1", dir.resolve("ui1"), "-dev").start();
        aclAgent = new AgentProcess("uiacl1", dir.resolve("uiacl1"), "-dev", "-config-file", aclConfig.toString())
                .start();
        browser = new UiBrowser(dir.resolve("chromedriver.log"));
        agent.awaitLeader(Duration.ofSeconds(120));
        aclAgent.awaitLeader(Duration.ofSeconds(120));

        register("ext-a", 1, "r1", "web", "v1", "passing", "HTTP GET http://10.0.0.1:80/health: 200 OK");
        register("ext-b", 2, "r2", "web", "v2", "critical", "HTTP GET http://10.0.0.2:80/health: 503");
        register("ext-c", 3, "r3", "db", "primary", "critical", "connection refused");
        ok(send(agent, "PUT", "/v1/agent/service/register", null, """
                {"Name": "api", "Port": 8080, "Tags": ["http"],
                 "Check": {"CheckID": "api-ttl", "Name": "api alive", "TTL": "10m", "Status": "passing"}}"""));
        awaitHttp(agent, "/v1/health/checks/api", null, r -> r.body().contains("\"api-ttl\""));
        awaitHttp(agent, "/ui/", null, r -> r.statusCode() == 200);

        awaitHttp(aclAgent, "/v1/acl/token/self", MANAGEMENT, r -> r.statusCode() == 200);
        ok(send(aclAgent, "PUT", "/v1/agent/service/register", MANAGEMENT, "{\"Name\": \"secret-svc\", \"Port\": 9000}"));
        awaitHttp(aclAgent, "/v1/catalog/service/secret-svc", MANAGEMENT, r -> r.body().contains("secret-svc"));
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            for (AgentProcess a : new AgentProcess[] {agent, aclAgent}) {
                if (a != null) {
                    a.close();
                }
            }
        }
    }

    private static void register(String node, int host, String rack, String service, String tag, String status,
            String output) throws Exception {
        ok(send(agent, "PUT", "/v1/catalog/register", null, """
                {"Node": "%1$s", "Address": "10.0.0.%2$d", "NodeMeta": {"rack": "%3$s"},
                 "Service": {"ID": "%4$s-%2$d", "Service": "%4$s", "Tags": ["%5$s"], "Port": 80},
                 "Checks": [{"CheckID": "%1$s-alive", "Name": "alive", "Status": "%6$s", "Output": "%7$s",
                             "ServiceID": "%4$s-%2$d"}]}
                """.formatted(node, host, rack, service, tag, status, output)));
    }

    private static String ui(AgentProcess a, String path) {
        return "http://" + a.httpAddr() + path;
    }

    // ---- services ---------------------------------------------------------------------------------------------

    @Test
    public void theServicesListCountsInstancesAndChecksAndNarrowsBySearchAndHealth() throws Exception {
        browser.open(ui(agent, "/ui/dc1/services"));
        browser.await(serviceRow("web"));
        browser.await("web's counts: 2 instances, checks 1 passing, 0 warning, 1 critical", () ->
                inServiceRow("web", "instance-count").equals("2") && inServiceRow("web", "passing").equals("1")
                        && inServiceRow("web", "warning").equals("0") && inServiceRow("web", "critical").equals("1"));
        String tags = inServiceRow("web", "tags");
        assertTrue(tags, tags.contains("v1") && tags.contains("v2"));
        browser.await(serviceRow("db"));
        browser.await("db's critical check", () -> inServiceRow("db", "critical").equals("1"));
        browser.await(serviceRow("api"));
        browser.screenshot("services");

        awaitRows("search by name", "web", "all", names -> names.equals(List.of("web")));
        awaitRows("search by tag", "primary", "all", names -> names.equals(List.of("db")));
        awaitRows("critical", "", "critical",
                names -> names.containsAll(Set.of("web", "db")) && !names.contains("api"));
        awaitRows("passing", "", "passing",
                names -> names.contains("api") && !names.contains("db"));
        awaitRows("all again", "", "all", names -> names.containsAll(Set.of("web", "db", "api")));
    }

    private static By serviceRow(String name) {
        return testId("service-row", "data-service", name);
    }

    /** The text of a hook in a service's row of the list, as its counts. */
    private static String inServiceRow(String service, String hook) {
        return browser.textIn(browser.find(serviceRow(service)), testId(hook));
    }

    /** Types the search, picks the health filter and waits until the displayed rows are what the test expects. */
    private static void awaitRows(String what, String search, String health, Predicate<List<String>> expected) {
        browser.type(testId("search"), search);
        new Select(browser.await(testId("health-filter"))).selectByValue(health);
        browser.await("the service rows of " + what + " (search '" + search + "', health " + health + ")",
                () -> expected.test(browser.displayed(testId("service-row"), "data-service")));
    }

    @Test
    public void aServicePageShowsItsInstancesAndChecksWithOutput() throws Exception {
        browser.open(ui(agent, "/ui/dc1/services"));
        browser.await(serviceRow("web")).findElement(By.tagName("a")).click();
        browser.await("the service page's URL", () -> browser.currentUrl().endsWith("/ui/dc1/services/web"));
        browser.await("the service name", () -> browser.find(testId("service-name")).getText().contains("web"));

        WebElement a = browser.await(testId("instance-row", "data-node", "ext-a"));
        assertEquals("web-1", a.getDomAttribute("data-id"));
        assertEquals("10.0.0.1:80", browser.textIn(a, testId("address")));
        browser.await(testId("instance-row", "data-node", "ext-b"));
        assertEquals(2, browser.displayed(testId("instance-row"), "data-node").size());

        WebElement passing = browser.await(testId("check-row", "data-check", "ext-a-alive"));
        assertEquals("passing", passing.getDomAttribute("data-status"));
        assertTrue(browser.textIn(passing, testId("check-output")).contains("200 OK"));
        WebElement critical = browser.await(testId("check-row", "data-check", "ext-b-alive"));
        assertEquals("critical", critical.getDomAttribute("data-status"));
        assertTrue(browser.textIn(critical, testId("check-output")).contains("503"));
        browser.screenshot("service");
    }

    @Test
    public void aCheckTurningCriticalShowsOnTheOpenPageWithoutReload() throws Exception {
        ok(send(agent, "PUT", "/v1/agent/service/register", null, """
                {"Name": "beat", "Port": 7000,
                 "Check": {"CheckID": "beat-ttl", "Name": "heartbeat", "TTL": "10m", "Status": "passing"}}"""));
        awaitHttp(agent, "/v1/health/checks/beat", null, r -> r.body().contains("\"beat-ttl\""));
        browser.open(ui(agent, "/ui/dc1/services/beat"));
        By check = testId("check-row", "data-check", "beat-ttl");
        browser.await("beat-ttl passing", () -> "passing".equals(browser.find(check).getDomAttribute("data-status")));
        browser.script("window.uiItNotReloaded = true;");

        ok(send(agent, "PUT", "/v1/agent/check/fail/beat-ttl?note=disk%20full", null, ""));
        browser.await("beat-ttl critical with its note, live", Duration.ofSeconds(5), () -> {
            WebElement row = browser.find(check);
            return "critical".equals(row.getDomAttribute("data-status"))
                    && browser.textIn(row, testId("check-output")).contains("disk full");
        });
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.script("return window.uiItNotReloaded;"));
    }

    // ---- nodes ------------------------------------------------------------------------------------------------

    @Test
    public void theNodesListAndANodePage() throws Exception {
        browser.open(ui(agent, "/ui/dc1/nodes"));
        browser.await(testId("node-row", "data-node", "ui1"));
        browser.await(testId("node-row", "data-node", "ext-c"));
        WebElement extA = browser.await(testId("node-row", "data-node", "ext-a"));
        assertFalse(browser.textIn(extA, testId("node-health")).isEmpty());
        browser.screenshot("nodes");

        browser.open(ui(agent, "/ui/dc1/nodes/ext-a"));
        browser.await("the node name", () -> browser.find(testId("node-name")).getText().contains("ext-a"));
        browser.await("web on ext-a", () -> browser.find(testId("node-service-row")).getText().contains("web"));
        browser.await(testId("check-row", "data-check", "ext-a-alive"));
        browser.await("the node's meta", () -> browser.find(testId("node-meta")).getText().contains("r1"));
        browser.screenshot("node");
    }

    // ---- key/value --------------------------------------------------------------------------------------------

    @Test
    public void aKeyIsCreatedEditedAndDeletedThroughTheFormAndALostCasRaceIsShown() throws Exception {
        String key = "ui-it/greeting";
        String raw = "/v1/kv/" + key + "?raw";
        browser.open(ui(agent, "/ui/dc1/kv/"));
        browser.click(testId("kv-create"));
        browser.type(testId("kv-key"), key);
        browser.type(testId("kv-value"), "hello");
        browser.click(testId("kv-save"));
        awaitHttp(agent, raw, null, r -> r.statusCode() == 200 && r.body().equals("hello"));

        String edit = ui(agent, "/ui/dc1/kv/" + key + "/edit");
        openEdit(edit, "hello");
        browser.type(testId("kv-value"), "hello again");
        browser.click(testId("kv-save"));
        awaitHttp(agent, raw, null, r -> r.body().equals("hello again"));

        openEdit(edit, "hello again");
        browser.screenshot("kv-edit");
        ok(send(agent, "PUT", "/v1/kv/" + key, null, "changed elsewhere"));
        browser.type(testId("kv-value"), "lost update");
        browser.click(testId("kv-save"));
        browser.await(testId("kv-conflict"));
        assertEquals("changed elsewhere", agent.get(raw).body());

        openEdit(edit, "changed elsewhere");
        browser.click(testId("kv-delete"));
        browser.click(testId("kv-confirm-delete"));
        awaitHttp(agent, raw, null, r -> r.statusCode() == 404);
    }

    /** Opens a key's edit page and waits until the form holds the stored value. */
    private static void openEdit(String url, String stored) {
        browser.open(url);
        browser.await(testId("kv-value"));
        browser.await("the form to hold '" + stored + "'", () -> stored.equals(browser.value(testId("kv-value"))));
    }

    // ---- ACLs -------------------------------------------------------------------------------------------------

    @Test
    public void withAclsOnlyALoggedInTokenSeesTheServicesAndLogoutForgetsIt() throws Exception {
        By secret = serviceRow("secret-svc");
        browser.open(ui(aclAgent, "/ui/dc1/services"));
        awaitLoggedOut();
        assertFalse("the anonymous token sees no services", browser.present(secret));

        browser.open(ui(aclAgent, "/ui/dc1/login"));
        browser.await(testId("login-token"));
        browser.screenshot("login");
        browser.type(testId("login-token"), UUID.randomUUID().toString());
        browser.click(testId("login-submit"));
        browser.await(testId("login-error"));
        assertNull(browser.localStorage(TOKEN_KEY));

        browser.type(testId("login-token"), MANAGEMENT);
        browser.click(testId("login-submit"));
        browser.await(testId("logout"));
        assertEquals(MANAGEMENT, browser.localStorage(TOKEN_KEY));
        browser.open(ui(aclAgent, "/ui/dc1/services"));
        browser.await(secret);
        browser.await(testId("nav-acls"));

        browser.click(testId("logout"));
        browser.await("the token forgotten", () -> browser.localStorage(TOKEN_KEY) == null);
        browser.open(ui(aclAgent, "/ui/dc1/services"));
        awaitLoggedOut();
        assertFalse("logged out, the services are hidden again", browser.present(secret));
    }

    /** Waits for the logged-out state: a login link in the navigation, or the login form the UI redirected to. */
    private static void awaitLoggedOut() {
        browser.await("a login link or form",
                () -> browser.present(testId("login-link")) || browser.present(testId("login-token")));
    }

    // ---- routing and layout -----------------------------------------------------------------------------------

    @Test
    public void deepLinksLoadDirectlyTheRootRedirectsAndANarrowWindowKeepsNavAndList() throws Exception {
        HttpResponse<String> root = send(agent, "GET", "/", null, null);
        assertTrue(root.statusCode() + " " + root.body(), root.statusCode() == 301 || root.statusCode() == 302);
        assertEquals("/ui/", URI.create(ui(agent, "/")).resolve(root.headers().firstValue("Location").orElseThrow())
                .getPath());
        HttpResponse<String> deep = send(agent, "GET", "/ui/dc1/kv/", null, null);
        assertEquals(200, deep.statusCode());
        assertTrue(deep.headers().firstValue("Content-Type").orElse(""), deep.headers()
                .firstValue("Content-Type").orElse("").startsWith("text/html"));

        browser.open(ui(agent, "/ui/dc1/kv/"));
        browser.await(testId("kv-create"));
        assertTrue(browser.currentUrl(), browser.currentUrl().endsWith("/ui/dc1/kv/"));
        browser.open(ui(agent, "/"));
        browser.await("the in-app redirect to the services", () -> browser.currentUrl().endsWith("/ui/dc1/services"));
        browser.await(serviceRow("web"));
        assertTrue(new Select(browser.await(testId("dc-picker"))).getOptions().stream()
                .anyMatch(o -> "dc1".equals(o.getText().trim()) || "dc1".equals(o.getDomAttribute("value"))));
        assertFalse("no ACL navigation without ACLs", browser.present(testId("nav-acls")));

        try {
            browser.resize(new Dimension(480, 900));
            browser.open(ui(agent, "/ui/dc1/services"));
            browser.await(serviceRow("web"));
            browser.await(testId("nav-services"));
            browser.await(testId("nav-kv"));
        } finally {
            browser.resize(UiBrowser.WINDOW);
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    private static HttpResponse<String> send(AgentProcess a, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ui(a, path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Consul-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
    }

    /** Polls a GET until its answer satisfies the condition (the agent applies writes through Raft). */
    private static void awaitHttp(AgentProcess a, String path, String token, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = send(a, "GET", path, token, null);
            if (done.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " never answered as expected; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()) + "\n" + a.tail());
    }
}
