package io.cairn.cli.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The provisioned Karaf cache an installation ships in {@code lib/seed}: Felix's bundle cache and the features
 * service's state as a dev agent left them after its first start, with the boot features resolved and their
 * bundles installed. A new agent's Karaf data dir starts from a copy of it, so its first start is a Karaf
 * restart rather than a full provisioning (resolving some 70 bundles and copying them into the cache: about
 * 1.5 s of a 2-core machine's start-up).
 *
 * <p>The seed is only used where it is exactly what Karaf would provision: when the installation's provisioning
 * inputs ({@link #INPUTS}, the {@code etc/} files that decide which bundles are installed and how) are the ones it
 * was recorded with. After an edit of {@code featuresBoot}, say, agents provision as usual. It holds no
 * configuration: Config Admin's store is left out, and Karaf fills it from {@code etc/} at every start anyway.
 *
 * <p>Nor does it hold the bundles' jars when they are byte for byte the installation's {@code system/} artifacts
 * (all of them, in practice): a revision without its {@code bundle.jar} gets the artifact of its bundle's
 * {@code mvn:} location when a data dir is seeded, hard-linked where the file system allows it (Felix never writes
 * to an installed revision's jar).
 */
final class KarafSeed {
  /** The {@code etc/} files whose content decides what Karaf provisions into a new data dir. */
  static final List<String> INPUTS = List.of("config.properties", "custom.properties", "jre.properties",
      "system.properties", "startup.properties", "org.apache.karaf.features.cfg", "org.apache.karaf.features.xml",
      "overrides.properties", "blacklisted.properties");

  private static final String CACHE = "cache";
  private static final Pattern MVN_LOCATION =
      Pattern.compile("mvn:([^/!]+)/([^/]+)/([^/]+)(?:/([^/]+)(?:/([^/]+))?)?");
  private static final String INPUTS_FILE = "inputs.properties";
  private static final String ABSENT = "absent";
  /** Felix's lock on a cache in use; a copy must not carry it. */
  private static final String CACHE_LOCK = "cache.lock";
  /** The bundle whose data area is Config Admin's store (configurations, with this machine's file paths). */
  private static final String CONFIG_ADMIN_LOCATION = "mvn:org.apache.felix/org.apache.felix.configadmin/";
  private static final String BUNDLE_INFO = "bundle.info";
  private static final String BUNDLE_JAR = "bundle.jar";
  /** Felix keeps one per revision directory of a bundle. */
  private static final String REVISION_LOCATION = "revision.location";

  private final Path home;

  /** @param home the installation ({@code CAIRN_HOME}) */
  KarafSeed(Path home) {
    this.home = home;
  }

  Path dir() {
    return home.resolve("lib").resolve("seed");
  }

  /**
   * Gives a new Karaf data dir (one without a cache) a copy of the seed when it fits this installation.
   *
   * @return whether the data dir was seeded
   */
  boolean seed(Path karafData) throws IOException {
    Path cache = karafData.resolve(CACHE);
    if (Files.exists(cache) || !Files.isDirectory(dir().resolve(CACHE)) || !recordedInputs().equals(inputs())) {
      return false;
    }
    Path partial = karafData.resolve(CACHE + ".seeding");
    deleteTree(partial);
    try {
      copyTree(dir().resolve(CACHE), partial);
      for (Path bundle : bundles(partial)) {
        for (Path revision : revisions(bundle)) {
          if (!Files.exists(revision.resolve(BUNDLE_JAR))) {
            Path artifact = systemArtifact(location(bundle))
                .orElseThrow(() -> new IOException("no system/ artifact for " + bundle + " in the seed"));
            linkOrCopy(artifact, revision.resolve(BUNDLE_JAR));
          }
        }
      }
      Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    return true;
  }

  /**
   * Build time: makes the Karaf data dir of a stopped agent this installation's seed, together with the
   * inputs it was provisioned from (written last: a seed without them is never used). Refuses a cache that
   * would carry a path of this machine to another.
   */
  void record(Path karafData) throws IOException {
    Path target = dir();
    deleteTree(target);
    Path cache = target.resolve(CACHE);
    copyTree(karafData.resolve(CACHE), cache);
    deleteTree(cache.resolve(CACHE_LOCK));
    for (Path bundle : bundles(cache)) {
      String location = location(bundle);
      if (location.startsWith(CONFIG_ADMIN_LOCATION)) {
        deleteTree(bundle.resolve("data"));
      }
      Optional<Path> artifact = systemArtifact(location);
      for (Path revision : revisions(bundle)) {
        Path jar = revision.resolve(BUNDLE_JAR);
        if (artifact.isPresent() && Files.isRegularFile(jar) && Files.mismatch(jar, artifact.get()) == -1) {
          Files.delete(jar);
        }
      }
    }
    List<String> machinePaths = List.of(karafData.toAbsolutePath().getParent().toString(),
        home.toAbsolutePath().toString());
    for (Path file : nonJarFiles(cache)) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String path : machinePaths) {
        if (text.contains(path)) {
          deleteTree(target);
          throw new IOException(file + " holds the path " + path + "; no seed recorded");
        }
      }
    }
    StringBuilder out = new StringBuilder();
    inputs().forEach((name, digest) -> out.append(name).append('=').append(digest).append('\n'));
    Files.writeString(target.resolve(INPUTS_FILE), out, StandardCharsets.UTF_8);
  }

  /** Each input's SHA-256, or {@code absent}. */
  Map<String, String> inputs() throws IOException {
    Map<String, String> digests = new TreeMap<>();
    for (String name : INPUTS) {
      Path file = home.resolve("etc").resolve(name);
      digests.put(name, Files.isRegularFile(file) ? sha256(file) : ABSENT);
    }
    return digests;
  }

  private Map<String, String> recordedInputs() throws IOException {
    Path file = dir().resolve(INPUTS_FILE);
    Map<String, String> recorded = new TreeMap<>();
    if (Files.isRegularFile(file)) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      }
      properties.forEach((name, digest) -> recorded.put((String) name, (String) digest));
    }
    return recorded;
  }

  /** Felix's directories of installed bundles (the system bundle's, {@code bundle0}, has no {@code bundle.info}). */
  private static List<Path> bundles(Path cache) throws IOException {
    try (Stream<Path> dirs = Files.list(cache)) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve(BUNDLE_INFO))).toList();
    }
  }

  private static List<Path> revisions(Path bundle) throws IOException {
    try (Stream<Path> dirs = Files.list(bundle)) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve(REVISION_LOCATION))).toList();
    }
  }

  /** The bundle's location, the second line of Felix's {@code bundle.info}. */
  private static String location(Path bundle) throws IOException {
    List<String> lines = Files.readAllLines(bundle.resolve(BUNDLE_INFO), StandardCharsets.UTF_8);
    return lines.size() > 1 ? lines.get(1) : "";
  }

  /** Where {@code mvn:group/artifact/version[/type[/classifier]]} lies in the installation's repository. */
  private Optional<Path> systemArtifact(String location) {
    Matcher mvn = MVN_LOCATION.matcher(location);
    if (!mvn.matches()) {
      return Optional.empty();
    }
    String artifact = mvn.group(2);
    String version = mvn.group(3);
    String type = mvn.group(4) == null ? "jar" : mvn.group(4);
    String classifier = mvn.group(5) == null ? "" : "-" + mvn.group(5);
    Path file = home.resolve("system").resolve(mvn.group(1).replace('.', '/')).resolve(artifact).resolve(version)
        .resolve(artifact + "-" + version + classifier + "." + type);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static List<Path> nonJarFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".jar")).toList();
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * A hard link where the file system allows one; a copy where it does not (the data dir on another file
   * system, or links to another user's files forbidden, as Linux's {@code protected_hardlinks} does).
   */
  private static void linkOrCopy(Path existing, Path target) throws IOException {
    try {
      Files.createLink(target, existing);
      return;
    } catch (IOException | UnsupportedOperationException | SecurityException linkRefused) {
      // fall through to the copy, which reports any problem that is not about links
    }
    Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      List<Path> deepestFirst = new ArrayList<>(files.toList());
      deepestFirst.sort(Comparator.reverseOrder());
      for (Path p : deepestFirst) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Build time: {@code KarafSeed <installation> <karaf data dir of a stopped agent>}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: KarafSeed <installation> <karaf data dir of a stopped agent>");
      System.exit(2);
    }
    KarafSeed seed = new KarafSeed(Path.of(args[0]));
    seed.record(Path.of(args[1]));
    System.out.println("recorded " + seed.dir());
  }
}
