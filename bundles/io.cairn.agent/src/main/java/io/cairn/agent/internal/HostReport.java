package io.cairn.agent.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The body of {@code GET /v1/agent/host}: Consul's shape ({@code Memory}, {@code CPU}, {@code Host}, {@code Disk},
 * {@code CollectionTime}, {@code Errors}, with gopsutil's field names inside), filled from what the JDK's
 * platform beans and the file system tell. A part that cannot be read is reported in {@code Errors}, as Consul
 * does, and the rest is still answered.
 */
final class HostReport {
    private static final String OS_BEAN = "java.lang:type=OperatingSystem";

    private HostReport() {
    }

    /** The report for this host, with the disk usage of the file system holding {@code dataDir}. */
    static Map<String, Object> collect(Path dataDir) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Memory", memory(errors));
        body.put("CPU", cpus());
        body.put("Host", host());
        body.put("Disk", disk(dataDir, errors));
        body.put("CollectionTime", System.currentTimeMillis() * 1_000_000L);
        body.put("Errors", errors.isEmpty() ? null : errors);
        return body;
    }

    private static Map<String, Object> memory(List<String> errors) {
        Map<String, Object> memory = new LinkedHashMap<>();
        try {
            MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
            ObjectName os = new ObjectName(OS_BEAN);
            long total = (Long) beans.getAttribute(os, "TotalMemorySize");
            long free = (Long) beans.getAttribute(os, "FreeMemorySize");
            memory.put("total", total);
            memory.put("available", free);
            memory.put("used", total - free);
            memory.put("usedPercent", total == 0 ? 0.0 : 100.0 * (total - free) / total);
            memory.put("free", free);
        } catch (JMException | RuntimeException e) {
            errors.add("memory: " + e.getMessage());
        }
        return memory;
    }

    /** One entry per core the JVM may use; the JDK does not tell the model or the clock. */
    private static List<Map<String, Object>> cpus() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Map<String, Object>> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < cores; cpu++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cpu", cpu);
            entry.put("cores", 1);
            entry.put("modelName", "");
            entry.put("mhz", 0.0);
            cpus.add(entry);
        }
        return cpus;
    }

    private static Map<String, Object> host() {
        Map<String, Object> host = new LinkedHashMap<>();
        long uptimeSeconds = hostUptimeSeconds();
        host.put("hostname", hostName());
        host.put("uptime", uptimeSeconds);
        host.put("bootTime", System.currentTimeMillis() / 1000 - uptimeSeconds);
        host.put("procs", ProcessHandle.allProcesses().count());
        host.put("os", System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replace(" ", ""));
        host.put("kernelVersion", System.getProperty("os.version", ""));
        host.put("kernelArch", System.getProperty("os.arch", ""));
        return host;
    }

    /** The host's uptime from {@code /proc/uptime} where there is one; the JVM's otherwise. */
    private static long hostUptimeSeconds() {
        try {
            String text = Files.readString(Path.of("/proc/uptime")).trim();
            return (long) Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    private static Map<String, Object> disk(Path dataDir, List<String> errors) {
        Map<String, Object> disk = new LinkedHashMap<>();
        try {
            FileStore store = Files.getFileStore(dataDir);
            long total = store.getTotalSpace();
            long free = store.getUsableSpace();
            disk.put("path", dataDir.toString());
            disk.put("fstype", store.type());
            disk.put("total", total);
            disk.put("free", free);
            disk.put("used", total - free);
            disk.put("usedPercent", total == 0 ? 0.0 : 100.0 * (total - free) / total);
        } catch (IOException | RuntimeException e) {
            errors.add("disk: " + e.getMessage());
        }
        return disk;
    }
}
