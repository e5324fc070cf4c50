package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

/**
 * A client's mistakes in catalog bodies are 400s with Consul's texts, read as strictly as Go reads Consul's
 * structs, and nothing reaches the log.
 */
class CatalogBodyRefusalsTest {

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void routes() {
        new CatalogEndpoints(new RaftCatalog(raft, Fixtures.config("dc1")), Fixtures.agent("n1")).routes(http);
    }

    /** The 400's text for a register {@code body}; nothing may have been submitted. */
    private String refusal(String route, String body) {
        HttpException refused = assertThrows(HttpException.class,
                () -> http.call("PUT", route, new FakeRequest().body(body)));
        assertEquals(400, refused.status(), refused.getMessage());
        assertEquals(0, raft.submitted(), "a refused body reaches the log");
        return refused.getMessage();
    }

    private String register(String service) {
        return refusal("/v1/catalog/register",
                "{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",\"Service\":" + service + "}");
    }

    @Test
    void aNullBodyIsAnEmptyRequestNotAJavaFailure() {
        assertEquals("Missing node name", refusal("/v1/catalog/register", "null"));
        assertEquals("Missing node name", refusal("/v1/catalog/deregister", "null"));
        assertEquals("Missing node name", refusal("/v1/catalog/register", " null "));
    }

    @Test
    void aPortIsAnIntegerAsGoReadsIt() {
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field"
                + " RegisterRequest.Service.Port of type int", register("{\"Service\":\"web\",\"Port\":\"80\"}"));
        assertEquals("Request decode failed: json: cannot unmarshal number 1.5 into Go struct field"
                + " RegisterRequest.Service.Port of type int", register("{\"Service\":\"web\",\"Port\":1.5}"));
        assertEquals("Request decode failed: json: cannot unmarshal number 100.0 into Go struct field"
                + " RegisterRequest.Service.Port of type int", register("{\"Service\":\"web\",\"port\":1e2}"));
        assertEquals("Request decode failed: json: cannot unmarshal number 99999999999999999999 into Go struct field"
                + " RegisterRequest.Service.Port of type int",
                register("{\"Service\":\"web\",\"Port\":99999999999999999999}"));
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field"
                + " RegisterRequest.Service.TaggedAddresses.Port of type int",
                register("{\"Service\":\"web\",\"TaggedAddresses\":{\"lan\":{\"Address\":\"a\",\"Port\":\"1\"}}}"));
    }

    @Test
    void aPortOutsideSixteenBitsIsRefused() {
        assertEquals("Invalid port -1 in RegisterRequest.Service.Port: a port is from 0 to 65535",
                register("{\"Service\":\"web\",\"Port\":-1}"));
        assertEquals("Invalid port 65536 in RegisterRequest.Service.TaggedAddresses.Port: a port is from 0 to 65535",
                register("{\"Service\":\"web\",\"TaggedAddresses\":{\"wan\":{\"Address\":\"a\",\"Port\":65536}}}"));
    }

    @Test
    void weightsAreIntegersADnsRecordCanCarry() {
        assertEquals("Request decode failed: json: cannot unmarshal number 2.5 into Go struct field"
                + " RegisterRequest.Service.Weights.Passing of type int",
                register("{\"Service\":\"web\",\"Weights\":{\"Passing\":2.5,\"Warning\":1}}"));
        assertEquals("Request decode failed: json: cannot unmarshal string into Go struct field"
                + " RegisterRequest.Service.Weights.Warning of type int",
                register("{\"Service\":\"web\",\"Weights\":{\"Passing\":1,\"Warning\":\"1\"}}"));
        assertEquals("Invalid Weights: DNS Weight must be between 0 and 65535"
                + " (RegisterRequest.Service.Weights.Passing is 70000)",
                register("{\"Service\":\"web\",\"Weights\":{\"Passing\":70000,\"Warning\":1}}"));
    }

    @Test
    void checkDurationsAreGoTextOrNanosecondsInGosRange() {
        String base = "{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",";
        assertEquals("Request decode failed: json: cannot unmarshal bool into Go struct field"
                + " RegisterRequest.Checks.Definition.Interval of type time.Duration",
                refusal("/v1/catalog/register", base + "\"Checks\":[{\"Name\":\"a\"},"
                        + "{\"Name\":\"b\",\"Definition\":{\"Interval\":true}}]}"));
        assertEquals("Request decode failed: json: cannot unmarshal number 1208925819614629174706176 into Go struct"
                + " field RegisterRequest.Check.Definition.DeregisterCriticalServiceAfter of type time.Duration",
                refusal("/v1/catalog/register", base + "\"Check\":{\"Name\":\"a\",\"Definition\":"
                        + "{\"DeregisterCriticalServiceAfter\":1208925819614629174706176}}}"));
        assertEquals("Invalid RegisterRequest.Check.Definition.Timeout duration 'soon': use a number with a unit"
                + " such as 10s, 1m30s or 500ms", refusal("/v1/catalog/register",
                        base + "\"Check\":{\"Name\":\"a\",\"Definition\":{\"Timeout\":\"soon\"}}}"));
    }

    /** Go's durations are signed, but a check's definition says how often and how long: never negative. */
    @Test
    void negativeCheckDurationsAreRefused() {
        assertEquals("Invalid check: Interval must not be negative", refusal("/v1/catalog/register",
                "{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",\"Check\":{\"Name\":\"a\",\"Definition\":"
                        + "{\"Interval\":\"-10s\"}}}"));
    }

    @Test
    void aNameThatUtf8CannotCarryIsRefusedNotRewritten() {
        String refused = refusal("/v1/catalog/register", "{\"Node\":\"n\\ud800\",\"Address\":\"10.0.0.1\"}");
        assertTrue(refused.endsWith("names must be valid Unicode (no unpaired UTF-16 surrogate) without NUL"
                + " characters"), refused);
        refusal("/v1/catalog/register", "{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",\"Service\":"
                + "{\"Service\":\"web\",\"ID\":\"\\udc00web\"}}");
        refusal("/v1/catalog/register", "{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",\"Check\":"
                + "{\"CheckID\":\"c\\ud83d\"}}");
    }

    @Test
    void aPairedSurrogateIsJustACharacter() {
        http.call("PUT", "/v1/catalog/register",
                new FakeRequest().body("{\"Node\":\"n\\ud83d\\ude00\",\"Address\":\"10.0.0.1\"}"));
        assertEquals(1, raft.submitted());
    }

    @Test
    void transactionElementsAreReadAsStrictly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CatalogCommandHandler handler = new CatalogCommandHandler();
        raft.state().applyCommand(handler, txn("{\"Node\":{\"Verb\":\"set\",\"Node\":{\"Node\":\"n1\","
                + "\"Address\":\"10.0.0.1\"}}}"));
        assertEquals("json: cannot unmarshal string into Go struct field TxnOp.Service.Service.Port of type int",
                json.readTree(raft.state().applyCommand(handler, txn("{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\","
                        + "\"Service\":{\"Service\":\"web\",\"Port\":\"80\"}}}"))).get("Error").asText());
        assertEquals("json: cannot unmarshal number -3 into Go struct field TxnOp.Node.Node.ModifyIndex of type"
                + " uint64", json.readTree(raft.state().applyCommand(handler, txn("{\"Node\":{\"Verb\":\"cas\","
                        + "\"Node\":{\"Node\":\"n1\",\"Address\":\"x\",\"ModifyIndex\":-3}}}"))).get("Error").asText());
        assertEquals("json: cannot unmarshal number 1.5 into Go struct field TxnOp.Check.Check.ModifyIndex of type"
                + " uint64", json.readTree(raft.state().applyCommand(handler, txn("{\"Check\":{\"Verb\":"
                        + "\"delete-cas\",\"Check\":{\"Node\":\"n1\",\"CheckID\":\"c\",\"ModifyIndex\":1.5}}}")))
                        .get("Error").asText());
    }

    private static byte[] txn(String element) {
        return ("{\"Txn\":" + element + "}").getBytes(StandardCharsets.UTF_8);
    }
}
