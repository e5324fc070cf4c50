package io.cairn.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.FakeAgent;
import io.cairn.snapshot.archive.SnapshotArchive;
import io.cairn.snapshot.archive.SnapshotMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommandsTest {

  private static final byte[] STATE = "state".getBytes(StandardCharsets.UTF_8);
  private static final SnapshotMeta META = SnapshotMeta.of(STATE.length, 8419, 2, 1_477_944_140_022L);

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void savesAVerifiedArchiveAndRestoresIt() throws Exception {
    byte[] archive = SnapshotArchive.toBytes(META, STATE);
    AtomicReference<String> request = new AtomicReference<>();
    AtomicReference<byte[]> restored = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      restored.set(exchange.getRequestBody().readAllBytes());
      byte[] body = exchange.getRequestMethod().equals("GET") ? archive : new byte[0];
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String address = "127.0.0.1:" + server.getAddress().getPort();
      Path file = dir.resolve("backup.snap");
      assertEquals(0, run(new SnapshotSave(), address, "-stale", file.toString()));
      assertEquals("GET /v1/snapshot?stale=", request.get());
      assertEquals("Saved and verified snapshot to index 8419\n", out.toString(StandardCharsets.UTF_8));
      assertArrayEquals(archive, Files.readAllBytes(file));
      assertEquals(List.of(file), Files.list(dir).toList(), "no partial file left");

      out.reset();
      assertEquals(0, run(new SnapshotRestore(), address, file.toString()));
      assertEquals("PUT /v1/snapshot", request.get());
      assertArrayEquals(archive, restored.get());
      assertEquals("Restored snapshot\n", out.toString(StandardCharsets.UTF_8));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSaveThatDoesNotVerifyWritesNothing() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "not a snapshot")) {
      Path file = dir.resolve("backup.snap");
      assertEquals(1, agent.run(new SnapshotSave(), file.toString()));
      assertTrue(agent.err().startsWith("Error verifying snapshot file: Snapshot is not a gzip-compressed archive"),
          agent.err());
      assertFalse(Files.exists(file));
      assertEquals(0, Files.list(dir).count());
    }
  }

  @Test
  void reportsTheAgentsRefusalOfARestore() throws Exception {
    Path file = dir.resolve("corrupt.snap");
    Files.write(file, "junk".getBytes(StandardCharsets.UTF_8));
    try (FakeAgent agent = new FakeAgent().reply(400, "Invalid snapshot: corrupt")) {
      assertEquals(1, agent.run(new SnapshotRestore(), file.toString()));
      assertEquals("Error restoring snapshot: Unexpected response code: 400 (Invalid snapshot: corrupt)\n",
          agent.err());
      assertEquals(1, agent.run(new SnapshotRestore(), dir.resolve("missing.snap").toString()));
      assertTrue(agent.err().contains("Error opening snapshot file: "), agent.err());
    }
  }

  @Test
  void inspectsInConsulsLayout() throws Exception {
    Path file = dir.resolve("backup.snap");
    Files.write(file, SnapshotArchive.toBytes(META, STATE));
    assertEquals(0, run(new SnapshotInspect(), null, file.toString()));
    assertEquals(" ID           2-8419-1477944140022\n"
        + " Size         5\n"
        + " Index        8419\n"
        + " Term         2\n"
        + " Version      1\n", out.toString(StandardCharsets.UTF_8));

    byte[] archive = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(archive, archive.length - 8));
    assertEquals(1, run(new SnapshotInspect(), null, file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error verifying snapshot: "),
        err.toString(StandardCharsets.UTF_8));
  }

  private int run(Command command, String address, String... args) {
    Console console = new Console(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        address == null ? Map.of() : Map.of("CAIRN_HTTP_ADDR", address));
    return command.run(List.of(args), console);
  }
}
