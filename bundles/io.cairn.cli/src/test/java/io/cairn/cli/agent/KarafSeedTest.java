package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording an installation's seed from a provisioned Karaf data dir, and seeding new data dirs from it. */
class KarafSeedTest {
  @TempDir
  Path tmp;

  Path home;
  Path provisioned;
  KarafSeed seed;

  /** An installation with two provisioning inputs, and the Karaf data dir a dev agent left behind. */
  @BeforeEach
  void provisionedInstallation() throws IOException {
    home = tmp.resolve("cairn");
    write(home.resolve("etc/startup.properties"), "mvn:org.apache.felix/org.apache.felix.configadmin/1.9.26 = 10\n");
    write(home.resolve("etc/org.apache.karaf.features.cfg"), "featuresBoot = cairn-kv\n");
    write(home.resolve("etc/io.cairn.http.cfg"), "port = ${cairn.http.port}\n");
    provisioned = tmp.resolve("build-data/karaf");
    Path cache = provisioned.resolve("cache");
    write(cache.resolve("cache.lock"), "");
    write(cache.resolve("bundle0/wiring/7"), "osgi.wiring.package; (osgi.wiring.package=io.cairn.kv.api)\n");
    write(cache.resolve("bundle7/bundle.info"), "7\nmvn:io.cairn/io.cairn.kv/0.1.0-SNAPSHOT\n32\n75\n");
    write(cache.resolve("bundle7/version0.0/revision.location"), "inputstream:");
    write(cache.resolve("bundle7/version0.0/bundle.jar"), "PK kv classes");
    write(home.resolve("system/io/cairn/io.cairn.kv/0.1.0-SNAPSHOT/io.cairn.kv-0.1.0-SNAPSHOT.jar"), "PK kv classes");
    write(cache.resolve("bundle9/bundle.info"), "9\nwrap:mvn:org.example/plain/1.0\n32\n80\n");
    write(cache.resolve("bundle9/version0.0/revision.location"), "inputstream:");
    write(cache.resolve("bundle9/version0.0/bundle.jar"), "PK wrapped with a manifest");
    write(cache.resolve("bundle12/bundle.info"), "12\nmvn:org.apache.felix/org.apache.felix.configadmin/1.9.26\n32\n");
    write(cache.resolve("bundle12/data/config/io/cairn/http.config"),
        "felix.fileinstall.filename=\"file:" + home + "/etc/io.cairn.http.cfg\"\n");
    write(cache.resolve("bundle18/data/state.json"), "{\"bootDone\":true}");
    write(provisioned.resolve("log/karaf.log"), "started\n");
    seed = new KarafSeed(home);
  }

  @Test
  void aNewDataDirStartsAsTheProvisionedOneLeftOffWithoutItsConfigurationsOrLock() throws IOException {
    seed.record(provisioned);

    Path karafData = Files.createDirectories(tmp.resolve("agent/karaf"));
    assertTrue(seed.seed(karafData));

    Path cache = karafData.resolve("cache");
    assertEquals(List.of("bundle0/wiring/7", "bundle12/bundle.info", "bundle18/data/state.json",
        "bundle7/bundle.info", "bundle7/version0.0/bundle.jar", "bundle7/version0.0/revision.location",
        "bundle9/bundle.info", "bundle9/version0.0/bundle.jar", "bundle9/version0.0/revision.location"),
        files(cache));
    assertEquals("PK kv classes", Files.readString(cache.resolve("bundle7/version0.0/bundle.jar")));
    assertEquals("PK wrapped with a manifest", Files.readString(cache.resolve("bundle9/version0.0/bundle.jar")));
    try (Stream<Path> left = Files.list(karafData)) {
      assertEquals(List.of("cache"), left.map(p -> p.getFileName().toString()).toList(),
          "only the cache is seeded, nothing left half-copied, no log");
    }
  }

  @Test
  void theSeedHoldsNoCopiesOfSystemArtifactsAndSeedingLinksThem() throws IOException {
    seed.record(provisioned);
    Path system = home.resolve("system/io/cairn/io.cairn.kv/0.1.0-SNAPSHOT/io.cairn.kv-0.1.0-SNAPSHOT.jar");

    assertEquals(List.of("bundle7/bundle.info", "bundle7/version0.0/revision.location"),
        files(seed.dir().resolve("cache/bundle7")).stream().map(f -> "bundle7/" + f).toList());
    assertTrue(Files.exists(seed.dir().resolve("cache/bundle9/version0.0/bundle.jar")),
        "a bundle that is not its location's artifact is kept");

    Path karafData = Files.createDirectories(tmp.resolve("agent/karaf"));
    assertTrue(seed.seed(karafData));
    assertTrue(Files.isSameFile(system, karafData.resolve("cache/bundle7/version0.0/bundle.jar")));

    Files.delete(system);
    Path other = Files.createDirectories(tmp.resolve("other/karaf"));
    IOException missing = assertThrows(IOException.class, () -> seed.seed(other));
    assertTrue(missing.getMessage().startsWith("no system/ artifact for "), missing.getMessage());
    try (Stream<Path> left = Files.list(other)) {
      assertEquals(List.of(), left.toList(), "nothing half-copied is left");
    }
  }

  @Test
  void aDataDirThatHasACacheIsLeftAsItIs() throws IOException {
    seed.record(provisioned);
    Path karafData = tmp.resolve("agent/karaf");
    write(karafData.resolve("cache/bundle7/bundle.info"), "7\nmvn:io.cairn/io.cairn.kv/0.2.0\n32\n75\n");

    assertFalse(seed.seed(karafData));
    assertEquals(List.of("bundle7/bundle.info"), files(karafData.resolve("cache")));
  }

  @Test
  void editedRemovedOrAddedProvisioningInputsMeanKarafProvisionsItself() throws IOException {
    seed.record(provisioned);
    Path features = home.resolve("etc/org.apache.karaf.features.cfg");

    write(features, "featuresBoot = cairn-kv, cairn-dns\n");
    assertFalse(seed.seed(Files.createDirectories(tmp.resolve("edited"))));

    Files.delete(features);
    assertFalse(seed.seed(Files.createDirectories(tmp.resolve("removed"))));

    write(features, "featuresBoot = cairn-kv\n");
    write(home.resolve("etc/overrides.properties"), "mvn:io.cairn/io.cairn.kv/0.2.0\n");
    assertFalse(seed.seed(Files.createDirectories(tmp.resolve("added"))));

    Files.delete(home.resolve("etc/overrides.properties"));
    write(home.resolve("etc/io.cairn.http.cfg"), "port = 8501\n");
    assertTrue(seed.seed(Files.createDirectories(tmp.resolve("restored"))), "configuration files are not inputs");
  }

  @Test
  void anInstallationWithoutASeedProvisionsAsUsual() throws IOException {
    assertFalse(seed.seed(Files.createDirectories(tmp.resolve("agent/karaf"))));
    assertFalse(Files.exists(tmp.resolve("agent/karaf/cache")));
  }

  @Test
  void aCacheHoldingAPathOfTheBuildMachineIsNotRecorded() throws IOException {
    write(provisioned.resolve("cache/bundle18/data/state.json"),
        "{\"repositories\":[\"file:" + provisioned.getParent() + "/features.xml\"]}");

    IOException refused = assertThrows(IOException.class, () -> seed.record(provisioned));

    assertTrue(refused.getMessage().contains("state.json holds the path " + provisioned.getParent()),
        refused.getMessage());
    assertFalse(Files.exists(seed.dir()));
  }

  @Test
  void recordingAgainReplacesTheSeed() throws IOException {
    seed.record(provisioned);
    Files.delete(provisioned.resolve("cache/bundle0/wiring/7"));

    seed.record(provisioned);

    Path karafData = Files.createDirectories(tmp.resolve("agent/karaf"));
    assertTrue(seed.seed(karafData));
    assertFalse(Files.exists(karafData.resolve("cache/bundle0/wiring/7")));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    }
  }
}
